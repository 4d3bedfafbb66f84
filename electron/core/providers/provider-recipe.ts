import { ownValue } from '../../../shared/records/own-value';
import type { CreateProviderInput } from '../../../shared/ipc/provider-view';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';
import { checkTokenUrlPolicy } from '../../../shared/recipes/token-url-policy';
import { missingRequired, valueProblems, type ValueCheckOptions } from '../../../shared/recipes/value-problems';
import { AppError } from '../app-error';

/** The recipe a provider runs, or a refusal naming what is wrong with a custom one. */
export function recipeOf(presetId: string, customRecipe: string | null | undefined): Recipe {
  const { recipe, errors } = resolveRecipe(presetId, customRecipe);
  if (recipe) return recipe;
  if (presetId !== 'custom') throw new AppError('invalid-input', unknownPresetWords(presetId));
  throw new AppError('invalid-input', errors.length ? `Recipe: ${errors.join('; ')}` : 'Recipe: a custom provider needs a recipe (JSON).');
}

/** Refuses values the recipe does not accept (the form runs the same checks first). */
export function checkValues(recipe: Recipe, values: Record<string, string>, options: ValueCheckOptions = {}): void {
  const unknown = Object.keys(values)
    .filter((key) => !recipe.fields.some((f) => f.key === key))
    .map((key) => `"${key}" is not a field of ${recipe.name}.`);
  const problems = [...unknown, ...new Set(valueProblems(recipe, values, options).map((p) => p.message))];
  if (problems.length) throw new AppError('invalid-input', problems.join(' '));
}

/** The base URL to store: the typed one, else the recipe's default; it must pass the URL policy.
 * Kept as typed, trailing slash included: some token endpoints need it (Django's /o/token/). */
export function checkBaseUrl(recipe: Recipe, typed: CreateProviderInput['baseUrl']): string {
  const baseUrl = typed.trim() || recipe.baseUrl.default || '';
  if (!baseUrl) throw new AppError('invalid-input', `${recipe.baseUrl.label} is required.`);
  const checked = checkTokenUrlPolicy(baseUrl);
  if (!checked.ok) throw new AppError('invalid-input', `${recipe.baseUrl.label}: ${checked.problem}`);
  return baseUrl;
}

/** Field values with the recipe's defaults filled in. */
export function withDefaults(recipe: Recipe, values: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  for (const field of recipe.fields) {
    const value = ownValue(values, field.key);
    all[field.key] = value !== undefined && value !== '' ? value : (field.default ?? '');
  }
  return all;
}

/** Labels of required fields with nothing stored, e.g. keys not yet added after an import. */
export function missingLabels(recipe: Recipe, values: Record<string, string>, storedSecrets: readonly string[]): string[] {
  return missingRequired(recipe, values, { alreadySet: storedSecrets }).map((f) => f.label);
}

/** A preset id from a data file this version does not know, quoted safely (printable, short). */
export function unknownPresetWords(id: string): string {
  const printable = id.replace(/[^\x20-\x7e]/g, '?');
  return `This version of Keymint does not know the preset "${printable.length > 40 ? `${printable.slice(0, 40)}…` : printable}".`;
}
