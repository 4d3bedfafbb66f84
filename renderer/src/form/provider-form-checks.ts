import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { RecipeResolution } from '../../../shared/recipes/resolve-recipe';
import { checkTokenUrlPolicy } from '../../../shared/recipes/token-url-policy';
import { ownValue } from '../../../shared/records/own-value';
import { valueProblems } from '../../../shared/recipes/value-problems';
import { checkSetting, SETTING_KEYS } from './provider-form-settings';
import { fieldValue, type ProviderFormState } from './provider-form-state';
import type { SecretMove } from '../../../shared/recipes/secret-destination';

/** Problems by control: 'name', 'baseUrl', 'recipe', a setting's key, or a recipe field's key prefixed 'field:'. */
export type FormErrors = Record<string, string>;

export const fieldErrorKey = (key: string) => `field:${key}`;

/**
 * The checks the main process makes too (the same shared code), run first so the user hears
 * about them next to the control; whatever main still refuses is shown as its own message.
 */
export function checkProviderForm(
  state: ProviderFormState,
  { recipe, errors }: RecipeResolution,
  stored: ProviderView | undefined,
  move: SecretMove,
): FormErrors {
  const found: FormErrors = {};
  if (!state.name.trim()) found.name = 'Name is required.';
  if (state.presetId === 'custom' && !recipe) {
    found.recipe = errors.length ? 'Fix the recipe errors listed above.' : 'Recipe is required.';
  }
  const url = state.baseUrl.trim();
  if (!url) found.baseUrl = `${recipe?.baseUrl.label ?? 'Base URL'} is required.`;
  else {
    const checked = checkTokenUrlPolicy(url);
    if (!checked.ok) found.baseUrl = checked.problem;
  }
  for (const key of SETTING_KEYS) {
    const problem = checkSetting(key, state[key]);
    if (problem) found[key] = problem;
  }
  if (!recipe) return found;

  const values = Object.fromEntries(recipe.fields.map((field) => [field.key, fieldValue(state, field)]));
  const stays = recipe.fields.filter(
    (f) => f.secret && stored !== undefined && ownValue(stored.secretsSet, f.key) === true && !state.clearedSecrets.includes(f.key) && !ownValue(values, f.key)?.trim(),
  );
  // A stored secret the edit cannot take along must be typed again (or, if optional, cleared).
  if (move) {
    for (const field of stays) found[fieldErrorKey(field.key)] = `Type ${field.label} again${field.required ? '' : ' or clear it'}.`;
  }
  const alreadySet = move ? [] : stays.map((f) => f.key);
  for (const problem of valueProblems(recipe, values, { alreadySet })) found[fieldErrorKey(problem.key)] ??= problem.message;
  return found;
}
