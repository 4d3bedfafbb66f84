import { parseCustomRecipe } from './parse-custom-recipe';
import { presetRecipe, type PresetId } from './presets';
import type { Recipe } from './recipe-schema';

export interface RecipeResolution {
  recipe: Recipe | undefined;
  /** Why a custom recipe does not parse, each pointing at its field. */
  errors: string[];
}

/** A Map keeps insertion order: re-inserting on each hit keeps the least recently used first. */
const parsedCustom = new Map<string, RecipeResolution>();
export const RECIPE_CACHE_LIMIT = 200;

/**
 * The recipe a provider runs: its preset's, or the custom one the user wrote. Custom recipes
 * are parsed once per text (boards re-render every second; lists are rebuilt on every change),
 * least recently used dropped first: a board with more custom recipes than the cache holds
 * parses only the ones that no longer fit, not all of them again.
 */
export function resolveRecipe(presetId: PresetId | string, customRecipe: string | null | undefined): RecipeResolution {
  if (presetId !== 'custom') return { recipe: presetRecipe(presetId), errors: [] };
  const text = customRecipe ?? '';
  if (!text.trim()) return { recipe: undefined, errors: [] };
  const cached = parsedCustom.get(text);
  if (cached) {
    parsedCustom.delete(text);
    parsedCustom.set(text, cached);
    return cached;
  }
  const parsed = parseCustomRecipe(text);
  const resolution = parsed.ok ? { recipe: parsed.recipe, errors: [] } : { recipe: undefined, errors: parsed.errors };
  if (parsedCustom.size >= RECIPE_CACHE_LIMIT) parsedCustom.delete(parsedCustom.keys().next().value as string);
  parsedCustom.set(text, resolution);
  return resolution;
}
