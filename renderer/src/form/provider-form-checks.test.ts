import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';
import { providerView } from '../testing/views';
import { checkProviderForm } from './provider-form-checks';
import { addFormState, editFormState, withBaseUrl, withPreset, withValue, type ProviderFormState } from './provider-form-state';
import { editSecretMove } from './secret-move';

/** The form's own call: the recipe and the secret move come from the state, as on Save. */
function check(state: ProviderFormState, stored?: ProviderView) {
  return checkProviderForm(state, resolveRecipe(state.presetId, state.recipeText), stored, editSecretMove(state, stored));
}

const togai = () => withPreset(addFormState(), 'togai');

describe('checking the provider form', () => {
  it('names every missing field, by its label', () => {
    expect(check(togai())).toEqual({ name: 'Name is required.', 'field:apiKey': 'API key is required.' });
  });

  it('asks for the base URL by the recipe’s own label', () => {
    const oauth = { ...withPreset(addFormState(), 'oauth2-client-credentials'), name: 'Auth' };
    expect(check(oauth).baseUrl).toBe('Token URL is required.');
  });

  it('refuses plain http to another machine', () => {
    const state = { ...withBaseUrl(togai(), 'http://api.togai.com', true), name: 'Togai', values: { apiKey: 'k' } };
    expect(check(state)).toEqual({ baseUrl: 'Refusing plain http to api.togai.com: use https (http is allowed only for localhost).' });
  });

  it('names the setting that is out of bounds', () => {
    const state = { ...togai(), name: 'Togai', values: { apiKey: 'k' }, timeoutSeconds: '0' };
    expect(check(state)).toEqual({ timeoutSeconds: 'Timeout (seconds) must be a whole number from 1 to 120.' });
  });

  it('says which fields go together', () => {
    const state = withValue({ ...withBaseUrl(withPreset(addFormState(), 'xenioo'), 'https://bots.example.com', true), name: 'Bot' }, 'accountApiKey', 'a');
    expect(check(withValue(state, 'botApiKey', 'b'))).toEqual({
      'field:botApiSecret': 'Bot API key and Bot API secret go together: fill in both or neither.',
    });
  });

  it('lets an edit keep a stored secret without typing it again', () => {
    const stored = providerView();
    expect(check(editFormState(stored), stored)).toEqual({});
    expect(check(withBaseUrl(editFormState(stored), 'https://sandbox-api.togai.com', false), stored)).toEqual({});
  });

  it('asks for the stored secret again when the edit sends it to another server', () => {
    const stored = providerView();
    const moved = withBaseUrl(editFormState(stored), 'https://togai.example.com', true);
    expect(check(moved, stored)).toEqual({ 'field:apiKey': 'Type API key again.' });
    expect(check(withValue(moved, 'apiKey', 'retyped'), stored)).toEqual({});
  });
});
