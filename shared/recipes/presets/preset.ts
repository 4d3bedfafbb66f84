import type { RecipeInput } from '../recipe-schema';

export type PresetId = 'botlhale' | 'xenioo' | 'highline' | 'togai' | 'welkin' | 'oauth2-client-credentials' | 'custom';

export interface Preset {
  id: PresetId;
  /** The words in the "Preset" control. */
  label: string;
  /** Built-in recipe; Custom has none (the user writes it). */
  recipe?: RecipeInput;
}
