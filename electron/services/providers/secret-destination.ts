import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { listWords } from '../../../shared/text/list-words';
import { AppError } from '../app-error';
import type { StoredProvider } from '../store/keymint-document';

const originOf = (url: string) => new URL(url).origin;

/** The servers a recipe itself names (its default and alternatives, e.g. production and sandbox). */
function recipeOrigins(recipe: Recipe): Set<string> {
  return new Set([recipe.baseUrl.default, ...recipe.baseUrl.alternatives.map((a) => a.url)].filter((u): u is string => Boolean(u)).map(originOf));
}

/**
 * Stored secrets go only where they went when the user typed them, like saved passwords are
 * tied to a site: moving a provider to another server, or changing a custom recipe (which
 * decides where each value is sent), needs those secrets typed again. Otherwise an edit —
 * or a compromised renderer — could redirect a stored key to a server of its choosing.
 */
export function guardSecretDestination(
  current: StoredProvider,
  recipe: Recipe,
  baseUrl: string,
  recipeChanged: boolean,
  next: Pick<StoredProvider, 'secrets'>,
): void {
  const movesServer = originOf(baseUrl) !== originOf(current.baseUrl) && !recipeOrigins(recipe).has(originOf(baseUrl));
  if (!movesServer && !recipeChanged) return;
  const carried = Object.keys(next.secrets).filter((key) => next.secrets[key] === current.secrets[key]);
  if (carried.length === 0) return;
  const labels = carried.map((key) => recipe.fields.find((f) => f.key === key)?.label ?? key);
  const why = recipeChanged ? 'the recipe changed' : `the provider moves to ${originOf(baseUrl)}`;
  throw new AppError('invalid-input', `Type ${listWords(labels)} again: ${why}, and stored secrets are only sent where they were saved for.`);
}
