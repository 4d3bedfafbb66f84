import { namedOrigins } from './custom-host';
import type { Recipe } from './recipe-schema';
import { allowedOrigin } from './token-url-policy';

/** Why stored secrets cannot follow an edit — another server, another recipe — or null: they stay. */
export type SecretMove = 'server' | 'recipe' | null;

/**
 * Stored secrets go only where they went when the user typed them, like saved passwords tied to
 * a site: to the exact origin they were typed for (or, for a preset, another server its
 * documentation names, e.g. Togai's sandbox) and through the same custom recipe (which decides
 * where each value is sent). A custom recipe's own "alternatives" do not count: whoever wrote a
 * shared recipe could list their own server there. Main enforces this; the form shows it as
 * the user types.
 */
export function secretMove(
  recipe: Recipe | undefined,
  from: { baseUrl: string; recipeText: string | null },
  to: { baseUrl: string; recipeText: string | null },
): SecretMove {
  if ((to.recipeText ?? '') !== (from.recipeText ?? '')) return 'recipe';
  const next = allowedOrigin(to.baseUrl);
  if (next === undefined || next === allowedOrigin(from.baseUrl)) return null;
  const documented = from.recipeText === null ? namedOrigins(recipe) : [];
  return documented.includes(next) ? null : 'server';
}
