// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RecipeTrial } from '../../../shared/ipc/details-view';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { vaultStatus } from '../testing/views';
import { ProviderForm } from './provider-form';

const RECIPE = JSON.stringify({
  name: 'Billing',
  fields: [{ key: 'apiKey', label: 'API key', secret: true }],
  request: { path: '/token', auth: { type: 'bearer', token: '{{apiKey}}' } },
  response: { token: 'access_token', expiry: { path: 'expires_in', kind: 'seconds' } },
});

const found: RecipeTrial = {
  ok: true,
  tokenFound: true,
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  expirySource: 'expires_in (seconds)',
  claims: null,
  error: null,
  exchanges: [
    {
      at: new Date().toISOString(),
      durationMs: 31,
      kind: 'authenticate',
      status: 200,
      failure: null,
      request: { method: 'POST', url: 'https://billing.example/token', headers: [['Authorization', 'Bearer [redacted]']], body: null },
      response: { contentType: 'application/json', body: '{\n  "access_token": "[redacted]",\n  "expires_in": 3600\n}', omittedChars: 0 },
    },
  ],
};

function customForm(tryRecipe: (input: unknown) => Promise<RecipeTrial>) {
  const fake = fakeKeymintClient({ vaultStatus: async () => vaultStatus(), tryRecipe });
  renderWithKeymint(<ProviderForm onDone={() => undefined} />, fake.client);
  fireEvent.change(screen.getByLabelText('Preset'), { target: { value: 'custom' } });
}

describe('Try it in the custom recipe editor', () => {
  it('waits for a recipe that parses', () => {
    customForm(async () => found);
    fireEvent.change(screen.getByLabelText('Recipe'), { target: { value: '{"name": ' } });
    expect(screen.getByRole('button', { name: 'Try it' }).hasAttribute('disabled')).toBe(true);
  });

  it('sends the unsaved recipe and values once and shows what the mapping found, never a token', async () => {
    const tryRecipe = vi.fn(async () => found);
    customForm(tryRecipe);
    fireEvent.change(screen.getByLabelText('Recipe'), { target: { value: RECIPE } });
    fireEvent.change(screen.getByLabelText('Base URL'), { target: { value: 'https://billing.example' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'typed-secret-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));

    const result = await screen.findByRole('region', { name: 'What the recipe found' });
    expect(tryRecipe).toHaveBeenCalledWith({ presetId: 'custom', baseUrl: 'https://billing.example', values: { apiKey: 'typed-secret-1234' }, recipe: RECIPE, settings: undefined });
    expect(result.textContent).toMatch(/Token foundYes/);
    expect(result.textContent).toMatch(/Expiry fromexpires_in \(seconds\)/);
    fireEvent.click(within(result).getByRole('button', { name: 'Show' }));
    expect(result.textContent).toContain('"access_token": "[redacted]"');
  });

  it('says when the reply has no token where the recipe looks', async () => {
    customForm(async () => ({ ...found, ok: false, tokenFound: false, expiresAt: null, expirySource: null, error: { code: 'mapping', message: 'Billing’s reply has no token at "access_token" (it has: token).' } }));
    fireEvent.change(screen.getByLabelText('Recipe'), { target: { value: RECIPE } });
    fireEvent.click(screen.getByRole('button', { name: 'Try it' }));
    const result = await screen.findByRole('region', { name: 'What the recipe found' });
    expect(result.textContent).toMatch(/Token foundNo/);
    expect(within(result).getByRole('alert').textContent).toMatch(/no token at "access_token"/);
  });
});
