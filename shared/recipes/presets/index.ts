import type { Recipe } from '../recipe-schema';
import { botlhale } from './botlhale';
import { highline } from './highline';
import { oauth2ClientCredentials } from './oauth2-client-credentials';
import type { Preset, PresetId } from './preset';
import { togai } from './togai';
import { welkin } from './welkin';
import { xenioo } from './xenioo';

export type { Preset, PresetId } from './preset';

const custom: Preset = { id: 'custom', label: 'Custom' };

/** In the order the "Preset" control offers them. */
export const PRESETS: readonly Preset[] = [botlhale, xenioo, highline, togai, welkin, oauth2ClientCredentials, custom];

export const PRESET_IDS = PRESETS.map((p) => p.id) as [PresetId, ...PresetId[]];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A preset this version knows; a data file from a later version may name others. */
export function isPresetId(id: string): id is PresetId {
  return findPreset(id) !== undefined;
}

/** The preset's recipe, ready to use (presets are written in the schema's output form). */
export function presetRecipe(id: string): Recipe | undefined {
  return findPreset(id)?.recipe;
}
