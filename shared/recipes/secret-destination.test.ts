import { describe, expect, it } from 'vitest';
import { presetRecipe } from './presets';
import { recipeSchema } from './recipe-schema';
import { secretMove } from './secret-destination';

describe('where stored secrets may go', () => {
  const togai = presetRecipe('togai');
  const from = { baseUrl: 'https://api.togai.com', recipeText: null };

  it('stay on the same origin and on servers the recipe names', () => {
    expect(secretMove(togai, from, { baseUrl: 'https://api.togai.com/', recipeText: null })).toBeNull();
    expect(secretMove(togai, from, { baseUrl: 'https://sandbox-api.togai.com', recipeText: null })).toBeNull();
  });

  it('do not follow a move to another server or a changed recipe', () => {
    expect(secretMove(togai, from, { baseUrl: 'https://collector.example.net', recipeText: null })).toBe('server');
    expect(secretMove(togai, from, { baseUrl: 'https://api.togai.com:8443', recipeText: null })).toBe('server');
    expect(secretMove(undefined, { baseUrl: 'https://a.example', recipeText: '{"v":1}' }, { baseUrl: 'https://a.example', recipeText: '{"v":2}' })).toBe('recipe');
  });

  it('do not follow a custom recipe to a server only its own "alternatives" name (its author chose them)', () => {
    const recipe = recipeSchema().parse({
      name: 'Shared',
      baseUrl: { default: 'https://api.example.com', alternatives: [{ label: 'Mirror', url: 'https://collector.example.net' }] },
      request: {},
      response: { token: 'token' },
    });
    const text = JSON.stringify(recipe);
    const fromCustom = { baseUrl: 'https://api.example.com', recipeText: text };
    expect(secretMove(recipe, fromCustom, { baseUrl: 'https://collector.example.net', recipeText: text })).toBe('server');
    expect(secretMove(recipe, fromCustom, { baseUrl: 'https://api.example.com/v2', recipeText: text })).toBeNull();
  });

  it('say nothing while the typed URL is not yet valid (the URL check reports that)', () => {
    expect(secretMove(togai, from, { baseUrl: 'https://', recipeText: null })).toBeNull();
  });
});
