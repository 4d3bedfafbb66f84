import type { Recipe } from './recipe-schema';
import { checkTokenUrlPolicy } from './token-url-policy';

/** Why stored secrets cannot follow an edit — another server, another recipe — or null: they stay. */
export type SecretMove = 'server' | 'recipe' | null;

function originOf(url: string): string | undefined {
  const checked = checkTokenUrlPolicy(url.trim());
  return checked.ok ? checked.url.origin : undefined;
}

/**
 * Stored secrets go only where they went when the user typed them, like saved passwords tied to
 * a site: to the same origin (or another server the recipe itself names, e.g. its sandbox) and
 * through the same custom recipe (which decides where each value is sent). Main enforces this;
 * the form shows it as the user types.
 */
export function secretMove(
  recipe: Recipe | undefined,
  from: { baseUrl: string; recipeText: string | null },
  to: { baseUrl: string; recipeText: string | null },
): SecretMove {
  if ((to.recipeText ?? '') !== (from.recipeText ?? '')) return 'recipe';
  const next = originOf(to.baseUrl);
  if (next === undefined || next === originOf(from.baseUrl)) return null;
  const named = [recipe?.baseUrl.default, ...(recipe?.baseUrl.alternatives.map((a) => a.url) ?? [])].map((url) => originOf(url ?? ''));
  return named.includes(next) ? null : 'server';
}
