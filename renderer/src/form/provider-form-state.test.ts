import { describe, expect, it } from 'vitest';
import { presetRecipe } from '../../../shared/recipes/presets';
import { providerView } from '../testing/views';
import { addFormState, editFormState, fieldValue, withBaseUrl, withPreset, withSecretCleared, withValue } from './provider-form-state';

const clientAuth = () => {
  const field = presetRecipe('oauth2-client-credentials')?.fields.find((f) => f.key === 'clientAuth');
  if (!field) throw new Error('the OAuth 2.0 preset has no clientAuth field');
  return field;
};

describe('the provider form’s state', () => {
  it('starts on the first preset, with its base URL filled in', () => {
    const state = addFormState();
    expect(state).toMatchObject({ presetId: 'botlhale', name: '', baseUrl: 'https://api.botlhale.xyz', baseUrlTyped: false });
    expect(state.values).toEqual({});
  });

  it('choosing a preset fills in that preset’s base URL, or empties it when the preset has none', () => {
    const togai = withPreset(addFormState(), 'togai');
    expect(togai).toMatchObject({ presetId: 'togai', baseUrl: 'https://api.togai.com' });
    expect(withPreset(togai, 'oauth2-client-credentials').baseUrl).toBe('');
  });

  it('keeps a base URL the user typed when the preset changes', () => {
    const typed = withBaseUrl(withPreset(addFormState(), 'xenioo'), 'https://bots.example.com', true);
    expect(withPreset(typed, 'togai').baseUrl).toBe('https://bots.example.com');
  });

  it('leaves a picked alternative, or an emptied field, to the preset', () => {
    const sandbox = withBaseUrl(withPreset(addFormState(), 'togai'), 'https://sandbox-api.togai.com', false);
    expect(withPreset(sandbox, 'botlhale').baseUrl).toBe('https://api.botlhale.xyz');
    const emptied = withBaseUrl(withPreset(addFormState(), 'togai'), '', true);
    expect(emptied.baseUrlTyped).toBe(false);
  });

  it('shows a field’s default until the user picks another value', () => {
    const state = withPreset(addFormState(), 'oauth2-client-credentials');
    expect(fieldValue(state, clientAuth())).toBe('basic');
    expect(fieldValue(withValue(state, 'clientAuth', 'body'), clientAuth())).toBe('body');
  });

  it('editing starts from what is stored, with every secret empty: the form never holds a stored secret', () => {
    const stored = providerView({
      presetId: 'oauth2-client-credentials',
      baseUrl: 'https://auth.example.com/oauth/token',
      values: { clientId: 'billing-service', scope: 'read', clientAuth: 'body' },
      secretsSet: { clientSecret: true },
      settings: { timeoutSeconds: 30 },
    });
    const state = editFormState(stored);
    expect(state).toMatchObject({ presetId: 'oauth2-client-credentials', name: 'Togai production', baseUrl: stored.baseUrl, baseUrlTyped: true });
    expect(state.values).toEqual({ clientId: 'billing-service', clientSecret: '', scope: 'read', audience: '', clientAuth: 'body' });
    expect(state).toMatchObject({ timeoutSeconds: '30', lifetimeSeconds: '' });
  });

  it('clearing an optional secret empties it; typing a new one takes the clear back', () => {
    const editing = editFormState(providerView({ presetId: 'xenioo', secretsSet: { accountApiKey: true, botApiKey: true, botApiSecret: true } }));
    const cleared = withSecretCleared(editing, 'botApiKey', true);
    expect(cleared.clearedSecrets).toEqual(['botApiKey']);
    expect(cleared.values.botApiKey).toBe('');
    expect(withValue(cleared, 'botApiKey', '').clearedSecrets).toEqual(['botApiKey']);
    expect(withValue(cleared, 'botApiKey', 'new-key').clearedSecrets).toEqual([]);
    expect(withSecretCleared(cleared, 'botApiKey', false).clearedSecrets).toEqual([]);
  });
});
