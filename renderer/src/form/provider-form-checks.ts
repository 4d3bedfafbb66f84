import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { RecipeField } from '../../../shared/recipes/recipe-schema';
import { listWords } from '../../../shared/text/list-words';
import { checkSetting, SETTING_KEYS } from './provider-form-settings';
import { fieldValue, type ProviderFormState, type RecipeState } from './provider-form-state';

/** Problems by control: 'name', 'baseUrl', 'recipe', a setting's key, or a recipe field's key prefixed 'field:'. */
export type FormErrors = Record<string, string>;

export const fieldErrorKey = (key: string) => `field:${key}`;

/**
 * The checks the main process makes too, run first so the user hears about them next to the
 * control; whatever main still refuses is shown as its own message.
 */
export function checkProviderForm(state: ProviderFormState, { recipe, errors }: RecipeState, stored?: ProviderView): FormErrors {
  const found: FormErrors = {};
  if (!state.name.trim()) found.name = 'Name is required.';
  if (state.presetId === 'custom' && !recipe) {
    found.recipe = errors.length ? 'Fix the recipe errors listed above.' : 'Recipe is required.';
  }
  const urlLabel = recipe?.baseUrl.label ?? 'Base URL';
  const url = state.baseUrl.trim();
  if (!url) found.baseUrl = `${urlLabel} is required.`;
  else if (!isWebUrl(url)) found.baseUrl = `${urlLabel} must be a full web address, e.g. https://api.example.com`;
  for (const key of SETTING_KEYS) {
    const problem = checkSetting(key, state[key]);
    if (problem) found[key] = problem;
  }
  if (!recipe) return found;

  const keptSecret = (field: RecipeField) =>
    field.secret && stored?.secretsSet[field.key] === true && !state.clearedSecrets.includes(field.key);
  const given = (field: RecipeField) => fieldValue(state, field).trim() !== '' || keptSecret(field);
  for (const field of recipe.fields) {
    if (field.required && !given(field)) found[fieldErrorKey(field.key)] = `${field.label} is required.`;
  }
  for (const group of recipe.together) {
    const fields = recipe.fields.filter((f) => group.includes(f.key));
    const missing = fields.filter((f) => !given(f));
    if (missing.length === 0 || missing.length === fields.length) continue;
    const either = fields.length === 2 ? 'fill in both or neither' : 'fill in all of them or none';
    const message = `${listWords(fields.map((f) => f.label))} go together: ${either}.`;
    for (const field of missing) found[fieldErrorKey(field.key)] ??= message;
  }
  return found;
}

function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
