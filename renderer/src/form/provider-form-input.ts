import type { RecipeTrialInput } from '../../../shared/ipc/details-view';
import type { CreateProviderInput, ProviderView, UpdateProviderInput } from '../../../shared/ipc/provider-view';
import { ownValue } from '../../../shared/records/own-value';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { formSettings, SETTING_KEYS } from './provider-form-settings';
import { fieldValue, type ProviderFormState } from './provider-form-state';

export function createInput(state: ProviderFormState, recipe: Recipe): CreateProviderInput {
  const values: Record<string, string> = {};
  for (const field of recipe.fields) {
    const value = fieldValue(state, field);
    if (value !== '') values[field.key] = value;
  }
  const settings = formSettings(state);
  return {
    presetId: state.presetId,
    name: state.name.trim(),
    baseUrl: state.baseUrl.trim(),
    values,
    ...(state.presetId === 'custom' ? { recipe: state.recipeText } : {}),
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
  };
}

/**
 * The form as Try it sends it, unsaved: every value typed (secrets too: they go to main, which
 * never sends them back). Editing, secrets left empty are the provider's stored ones — main
 * uses them only where they were saved for.
 */
export function trialInput(state: ProviderFormState, recipe: Recipe, stored: ProviderView | undefined): RecipeTrialInput {
  const { presetId, baseUrl, values, recipe: recipeText, settings } = createInput(state, recipe);
  return { presetId, baseUrl, values, recipe: recipeText, settings, ...(stored ? { id: stored.id } : {}) };
}

/**
 * Only what changed: an empty secret is left out, so main keeps the stored one, unless the user
 * cleared it: then it is sent as '', which removes it. Settings are sent whole (main replaces them).
 */
export function updateInput(state: ProviderFormState, recipe: Recipe, stored: ProviderView): UpdateProviderInput {
  const input: UpdateProviderInput = { id: stored.id };
  const name = state.name.trim();
  const baseUrl = state.baseUrl.trim();
  if (name !== stored.name) input.name = name;
  if (baseUrl !== stored.baseUrl) input.baseUrl = baseUrl;
  if (state.presetId === 'custom' && state.recipeText !== (stored.recipe ?? '')) input.recipe = state.recipeText;

  const values: Record<string, string> = {};
  for (const field of recipe.fields) {
    const value = fieldValue(state, field);
    const cleared = state.clearedSecrets.includes(field.key) && value === '';
    const changed = field.secret ? value !== '' || cleared : value !== (ownValue(stored.values, field.key) ?? '');
    if (changed) values[field.key] = value;
  }
  if (Object.keys(values).length > 0) input.values = values;
  const settings = formSettings(state);
  if (SETTING_KEYS.some((key) => settings[key] !== stored.settings[key])) input.settings = settings;
  return input;
}
