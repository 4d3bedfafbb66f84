import type { ProviderView } from '../../../shared/ipc/provider-view';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';
import { secretMove, type SecretMove } from '../../../shared/recipes/secret-destination';
import type { ProviderFormState } from './provider-form-state';

/**
 * Main's rule (shared/recipes/secret-destination), checked as the user types: moving to another
 * server or changing a custom recipe means typing the stored secrets again.
 */
export function editSecretMove(state: ProviderFormState, stored: ProviderView | undefined): SecretMove {
  if (!stored) return null;
  const { recipe } = resolveRecipe(stored.presetId, stored.recipe);
  const recipeText = (text: string | null) => (stored.presetId === 'custom' ? text : null);
  return secretMove(recipe, { baseUrl: stored.baseUrl, recipeText: recipeText(stored.recipe) }, { baseUrl: state.baseUrl, recipeText: recipeText(state.recipeText) });
}

/** The note beside a stored secret that an edit will not keep. */
export function retypeHint(move: SecretMove, label: string): string | undefined {
  if (move === 'server') return `Changing the server means typing ${label} again.`;
  if (move === 'recipe') return `Changing the recipe means typing ${label} again.`;
  return undefined;
}
