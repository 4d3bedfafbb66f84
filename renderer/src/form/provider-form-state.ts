import type { ProviderView } from '../../../shared/ipc/provider-view';
import { ownValue } from '../../../shared/records/own-value';
import { isPresetId, PRESETS, type PresetId } from '../../../shared/recipes/presets';
import type { Recipe, RecipeField } from '../../../shared/recipes/recipe-schema';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';
import { typedSettings, type SettingKey } from './provider-form-settings';

/** What the form holds; "Advanced" settings are kept as typed, by their keys ('' means "not set"). */
export interface ProviderFormState extends Record<SettingKey, string> {
  presetId: PresetId;
  name: string;
  baseUrl: string;
  /** Set once the user types a base URL: changing preset (or recipe) then leaves it alone. */
  baseUrlTyped: boolean;
  /** Custom preset only: the recipe JSON. */
  recipeText: string;
  /** What the user entered, by field key; a field missing here shows its default. */
  values: Record<string, string>;
  /** Editing: optional secrets the user chose to clear (sent as ''). */
  clearedSecrets: string[];
}

function defaultBaseUrl(recipe: Recipe | undefined): string {
  return recipe?.baseUrl.default ?? '';
}

export function addFormState(): ProviderFormState {
  const presetId = PRESETS[0]?.id ?? 'custom';
  return {
    presetId,
    name: '',
    baseUrl: defaultBaseUrl(resolveRecipe(presetId, '').recipe),
    baseUrlTyped: false,
    recipeText: '',
    values: {},
    clearedSecrets: [],
    ...typedSettings(),
  };
}

/** Editing starts from what is stored; secrets start empty, meaning "keep the stored one". */
export function editFormState(provider: ProviderView): ProviderFormState {
  const recipeText = provider.recipe ?? '';
  const values: Record<string, string> = {};
  for (const field of resolveRecipe(provider.presetId, recipeText).recipe?.fields ?? []) {
    values[field.key] = field.secret ? '' : (ownValue(provider.values, field.key) ?? '');
  }
  return {
    // Edit is not offered for a preset this version does not know; 'custom' only satisfies the type.
    presetId: isPresetId(provider.presetId) ? provider.presetId : 'custom',
    name: provider.name,
    baseUrl: provider.baseUrl,
    baseUrlTyped: true,
    recipeText,
    values,
    clearedSecrets: [],
    ...typedSettings(provider.settings),
  };
}

export function fieldValue(state: ProviderFormState, field: RecipeField): string {
  return ownValue(state.values, field.key) ?? field.default ?? '';
}

export function withPreset(state: ProviderFormState, presetId: PresetId): ProviderFormState {
  const { recipe } = resolveRecipe(presetId, state.recipeText);
  return { ...state, presetId, baseUrl: state.baseUrlTyped ? state.baseUrl : defaultBaseUrl(recipe) };
}

export function withRecipeText(state: ProviderFormState, recipeText: string): ProviderFormState {
  const { recipe } = resolveRecipe(state.presetId, recipeText);
  const prefill = !state.baseUrlTyped && recipe !== undefined;
  return { ...state, recipeText, baseUrl: prefill ? defaultBaseUrl(recipe) : state.baseUrl };
}

/** Typing makes the URL the user's own; picking an offered alternative keeps it preset-driven. */
export function withBaseUrl(state: ProviderFormState, baseUrl: string, typed: boolean): ProviderFormState {
  return { ...state, baseUrl, baseUrlTyped: typed && baseUrl !== '' };
}

/** Typing a new value replaces a stored secret, so it also takes back a "clear". */
export function withValue(state: ProviderFormState, key: string, value: string): ProviderFormState {
  const clearedSecrets = value === '' ? state.clearedSecrets : state.clearedSecrets.filter((k) => k !== key);
  return { ...state, values: { ...state.values, [key]: value }, clearedSecrets };
}

export function withSecretCleared(state: ProviderFormState, key: string, cleared: boolean): ProviderFormState {
  const others = state.clearedSecrets.filter((k) => k !== key);
  return { ...state, values: { ...state.values, [key]: '' }, clearedSecrets: cleared ? [...others, key] : others };
}
