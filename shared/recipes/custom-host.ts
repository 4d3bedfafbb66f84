import { presetRecipe } from './presets';
import type { Recipe } from './recipe-schema';
import { allowedOrigin, checkTokenUrlPolicy } from './token-url-policy';

/** The servers a recipe names: its default base URL and its listed alternatives. */
export function namedOrigins(recipe: Recipe | undefined): string[] {
  if (!recipe) return [];
  const urls = [recipe.baseUrl.default ?? '', ...recipe.baseUrl.alternatives.map((a) => a.url)];
  return urls.map(allowedOrigin).filter((origin) => origin !== undefined);
}

/**
 * The host of a preset provider that does not use a server its preset documents (e.g.
 * "api.example.net" for a Togai provider), or null. A key typed there goes to that host, so the
 * board and the form say so before one is typed. Presets whose servers are each user's own
 * (Xenioo's bot endpoint, OAuth token URLs) document none and flag nothing; custom recipes
 * name their servers themselves, and an import lists every host they send keys to.
 */
export function customHost(presetId: string, baseUrl: string): string | null {
  if (presetId === 'custom') return null;
  const recipe = presetRecipe(presetId);
  const documented = documentedServers(presetId, recipe);
  if (documented.origins.length === 0) return null;
  const url = baseUrl.trim() || (recipe?.baseUrl.default ?? '');
  // Most providers use a documented URL exactly as the preset spells it: no URL to parse.
  if (documented.urls.has(url)) return null;
  const checked = checkTokenUrlPolicy(url);
  if (!checked.ok || documented.origins.includes(checked.url.origin)) return null;
  return checked.url.host;
}

/** Presets never change while Keymint runs: their servers are worked out once, not per provider view. */
const presetServers = new Map<string, { urls: Set<string>; origins: string[] }>();

function documentedServers(presetId: string, recipe: Recipe | undefined): { urls: Set<string>; origins: string[] } {
  let servers = presetServers.get(presetId);
  if (!servers) {
    const urls = recipe ? [recipe.baseUrl.default ?? '', ...recipe.baseUrl.alternatives.map((a) => a.url)] : [];
    presetServers.set(presetId, (servers = { urls: new Set(urls.filter(Boolean)), origins: namedOrigins(recipe) }));
  }
  return servers;
}
