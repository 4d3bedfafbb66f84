import { describe, expect, it } from 'vitest';
import { RECIPE_CACHE_LIMIT, resolveRecipe } from './resolve-recipe';

/** A valid custom recipe whose text differs by `n`, so each is its own cache entry. */
const recipeText = (n: number) =>
  JSON.stringify({ name: `Recipe ${n}`, request: { path: '/token' }, response: { token: 'access_token' } });

describe('the custom recipe cache', () => {
  it('hands back the same parsed recipe for the same text', () => {
    const first = resolveRecipe('custom', recipeText(-1));
    expect(first.recipe?.name).toBe('Recipe -1');
    expect(resolveRecipe('custom', recipeText(-1))).toBe(first);
  });

  it('drops the least recently used recipe when full, keeping the ones still in use', () => {
    const kept = resolveRecipe('custom', recipeText(0));
    const dropped = resolveRecipe('custom', recipeText(1));
    for (let n = 2; n < RECIPE_CACHE_LIMIT; n += 1) resolveRecipe('custom', recipeText(n));
    expect(resolveRecipe('custom', recipeText(0))).toBe(kept);

    resolveRecipe('custom', recipeText(RECIPE_CACHE_LIMIT));
    expect(resolveRecipe('custom', recipeText(0))).toBe(kept);
    expect(resolveRecipe('custom', recipeText(RECIPE_CACHE_LIMIT - 1)).recipe?.name).toBe(`Recipe ${RECIPE_CACHE_LIMIT - 1}`);
    expect(resolveRecipe('custom', recipeText(1))).not.toBe(dropped);
  });
});
