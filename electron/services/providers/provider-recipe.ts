import type { CreateProviderInput } from '../../../shared/ipc/provider-view';
import { presetRecipe, type PresetId } from '../../../shared/recipes/presets';
import { parseCustomRecipe } from '../../../shared/recipes/parse-custom-recipe';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { AppError } from '../app-error';
import { checkTokenUrl } from '../http/url-policy';
import { TokenError } from '../tokens/token-error';

/** The recipe a provider runs: its preset's, or the custom one the user wrote. */
export function recipeOf(presetId: PresetId, customRecipe: string | null | undefined): Recipe {
  if (presetId !== 'custom') {
    const recipe = presetRecipe(presetId);
    if (!recipe) throw new AppError('invalid-input', `Unknown preset "${presetId}".`);
    return recipe;
  }
  if (!customRecipe) throw new AppError('invalid-input', 'Recipe: a custom provider needs a recipe (JSON).');
  const parsed = parseCustomRecipe(customRecipe);
  if (!parsed.ok) throw new AppError('invalid-input', `Recipe: ${parsed.errors.join('; ')}`);
  return parsed.recipe;
}

/** Checks the user's values against the recipe: known fields, required ones set, groups complete, choices valid. */
export function checkValues(recipe: Recipe, values: Record<string, string>, options: { secretsOptional?: boolean } = {}): void {
  const problems: string[] = [];
  for (const key of Object.keys(values)) {
    if (!recipe.fields.some((f) => f.key === key)) problems.push(`"${key}" is not a field of ${recipe.name}`);
  }
  for (const field of recipe.fields) {
    const value = values[field.key] || field.default || '';
    if (field.required && value === '' && !(field.secret && options.secretsOptional)) problems.push(`${field.label} is required`);
    if (field.choices && value !== '' && !field.choices.some((c) => c.value === value)) {
      problems.push(`${field.label} must be one of ${field.choices.map((c) => c.label).join(', ')}`);
    }
  }
  for (const group of recipe.together) {
    const set = group.filter((key) => (values[key] ?? '') !== '');
    if (set.length > 0 && set.length < group.length) {
      const labels = group.map((key) => recipe.fields.find((f) => f.key === key)?.label ?? key);
      problems.push(`${labels.join(' and ')} go together: give all or none`);
    }
  }
  if (problems.length) throw new AppError('invalid-input', `${problems.join('. ')}.`);
}

/** The base URL to store: the typed one, else the recipe's default; it must pass the URL policy. */
export function checkBaseUrl(recipe: Recipe, typed: CreateProviderInput['baseUrl']): string {
  const baseUrl = typed.trim() || recipe.baseUrl.default || '';
  if (!baseUrl) throw new AppError('invalid-input', `${recipe.baseUrl.label} is required.`);
  try {
    checkTokenUrl(baseUrl);
  } catch (error) {
    if (error instanceof TokenError) throw new AppError('invalid-input', `${recipe.baseUrl.label}: ${error.message}`);
    throw error;
  }
  return baseUrl.replace(/\/+$/, '');
}

/** Field values with the recipe's defaults filled in. */
export function withDefaults(recipe: Recipe, values: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  for (const field of recipe.fields) {
    const value = values[field.key];
    all[field.key] = value !== undefined && value !== '' ? value : (field.default ?? '');
  }
  return all;
}
