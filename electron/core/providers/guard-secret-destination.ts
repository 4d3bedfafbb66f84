import { ownValue } from '../../../shared/records/own-value';
import { secretMove } from '../../../shared/recipes/secret-destination';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { listWords } from '../../../shared/text/list-words';
import { AppError } from '../app-error';
import type { StoredProvider } from '../store/keymint-document';

/**
 * Refuses an edit that would carry stored secrets to another server or into a changed custom
 * recipe (see shared/recipes/secret-destination): otherwise an edit — or a compromised
 * renderer — could redirect a stored key to a server of its choosing.
 */
export function guardSecretDestination(
  current: StoredProvider,
  recipe: Recipe,
  next: Pick<StoredProvider, 'baseUrl' | 'recipe' | 'secrets'>,
): void {
  const move = secretMove(recipe, { baseUrl: current.baseUrl, recipeText: current.recipe }, { baseUrl: next.baseUrl, recipeText: next.recipe });
  if (!move) return;
  const carried = Object.keys(next.secrets).filter((key) => ownValue(next.secrets, key) === ownValue(current.secrets, key));
  if (carried.length === 0) return;
  const labels = carried.map((key) => recipe.fields.find((f) => f.key === key)?.label ?? key);
  const why = move === 'recipe' ? 'the recipe changed' : `the provider moves to ${new URL(next.baseUrl).origin}`;
  throw new AppError('invalid-input', `Type ${listWords(labels)} again: ${why}, and stored secrets are only sent where they were saved for.`);
}
