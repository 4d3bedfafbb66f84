import type { CreateProviderInput } from '../../../shared/ipc/provider-view';
import { ownValue } from '../../../shared/records/own-value';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';

/**
 * A shared recipes file holds no secrets; one that does would have the importer mint tokens on
 * the file author's account without noticing. Values of secret fields are dropped unread, and
 * named ("Shop: API key") so the summary can say the importer's own keys are still to be added.
 * A custom recipe's author also decides which of its fields count as secret, so a credential
 * could hide in a field marked plain: a custom recipe from a file keeps none of its values.
 */
export function dropSecretValues(input: CreateProviderInput): { input: CreateProviderInput; dropped: string[] } {
  const { recipe } = resolveRecipe(input.presetId, input.recipe);
  // A recipe that does not load is refused whole when the import builds it; nothing to keep from it.
  if (!recipe) return { input: { ...input, values: {} }, dropped: [] };
  const secret = recipe.fields.filter((field) => field.secret || input.presetId === 'custom');
  const dropped = secret.filter((field) => (ownValue(input.values, field.key) ?? '') !== '').map((field) => `${input.name}: ${field.label}`);
  const values = Object.fromEntries(Object.entries(input.values).filter(([key]) => !secret.some((field) => field.key === key)));
  return { input: { ...input, values }, dropped };
}
