import { describe, expect, it } from 'vitest';
import { presetRecipe } from '../../../shared/recipes/presets';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { providerView } from '../testing/views';
import { createInput, updateInput } from './provider-form-input';
import { addFormState, editFormState, withPreset, withSecretCleared, withValue } from './provider-form-state';

function recipeOf(presetId: string): Recipe {
  const recipe = presetRecipe(presetId);
  if (!recipe) throw new Error(`no preset ${presetId}`);
  return recipe;
}

describe('what Save sends to create a provider', () => {
  it('sends the trimmed name and URL, every filled-in field (defaults too), and no empty ones', () => {
    const state = withValue(
      withValue({ ...withPreset(addFormState(), 'oauth2-client-credentials'), name: '  Billing  ', baseUrl: ' https://auth.example.com/token ' }, 'clientId', 'svc'),
      'clientSecret',
      's3cret',
    );
    expect(createInput(state, recipeOf('oauth2-client-credentials'))).toEqual({
      presetId: 'oauth2-client-credentials',
      name: 'Billing',
      baseUrl: 'https://auth.example.com/token',
      values: { clientId: 'svc', clientSecret: 's3cret', clientAuth: 'basic' },
    });
  });

  it('sends only the settings that were filled in, as numbers', () => {
    const state = { ...withValue({ ...withPreset(addFormState(), 'togai'), name: 'Togai' }, 'apiKey', 'k'), lifetimeSeconds: ' 3600 ' };
    expect(createInput(state, recipeOf('togai')).settings).toEqual({ lifetimeSeconds: 3600 });
  });
});

describe('what Save sends to update a provider', () => {
  const stored = providerView({ presetId: 'xenioo', baseUrl: 'https://bots.example.com', secretsSet: { accountApiKey: true, botApiKey: true, botApiSecret: true } });

  it('sends only the id when nothing changed: secrets left empty are kept by main, never sent back', () => {
    expect(updateInput(editFormState(stored), recipeOf('xenioo'), stored)).toEqual({ id: 'p1' });
  });

  it('sends what changed: a new name, a retyped secret', () => {
    const state = withValue({ ...editFormState(stored), name: 'Bots' }, 'accountApiKey', 'new-key');
    expect(updateInput(state, recipeOf('xenioo'), stored)).toEqual({ id: 'p1', name: 'Bots', values: { accountApiKey: 'new-key' } });
  });

  it('sends a cleared secret as empty, which removes it', () => {
    const state = withSecretCleared(withSecretCleared(editFormState(stored), 'botApiKey', true), 'botApiSecret', true);
    expect(updateInput(state, recipeOf('xenioo'), stored)).toEqual({ id: 'p1', values: { botApiKey: '', botApiSecret: '' } });
  });

  it('sends the settings whole when one changed, so main can replace them', () => {
    const withTimeout = providerView({ settings: { timeoutSeconds: 30 } });
    const state = { ...editFormState(withTimeout), lifetimeSeconds: '600' };
    expect(updateInput(state, recipeOf('togai'), withTimeout)).toEqual({ id: 'p1', settings: { timeoutSeconds: 30, lifetimeSeconds: 600 } });
  });
});
