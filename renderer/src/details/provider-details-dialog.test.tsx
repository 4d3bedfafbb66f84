// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CredentialTest, ExchangeView, ProviderDetails } from '../../../shared/ipc/details-view';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { providerView } from '../testing/views';
import { clockSkewWarning, relativeWords } from './claim-times';
import { ProviderDetailsDialog } from './provider-details-dialog';

const now = Date.now();
const seconds = (ms: number) => String(Math.floor(ms / 1000));

const exchange: ExchangeView = {
  at: new Date(now - 5000).toISOString(),
  durationMs: 84,
  kind: 'authenticate',
  status: 200,
  failure: null,
  request: { method: 'POST', url: 'https://auth.example/token', headers: [['Authorization', 'Basic [redacted]']], body: 'grant_type=client_credentials' },
  response: { contentType: 'application/json', body: '{\n  "access_token": "[redacted]",\n  "expires_in": 3600\n}', omittedChars: 0 },
};

function details(overrides: Partial<ProviderDetails> = {}): ProviderDetails {
  return {
    id: 'p1',
    name: 'Orders',
    token: {
      preview: 'eyJh••••••••x9Q0',
      obtainedAt: new Date(now - 5000).toISOString(),
      expiresAt: new Date(now + 3_595_000).toISOString(),
      expirySource: 'expires_in (seconds)',
      jwt: {
        header: { alg: 'RS256', typ: 'JWT', kid: 'key-1' },
        claims: { iss: 'https://auth.example', aud: 'orders-api', scope: 'orders:read', iat: seconds(now - 5000), exp: seconds(now + 3_595_000) },
      },
    },
    renewals: [{ at: new Date(now - 5000).toISOString(), trigger: 'manual', outcome: 'renewed', detail: null }],
    exchanges: [exchange],
    ...overrides,
  };
}

function open(calls: Parameters<typeof fakeKeymintClient>[0]) {
  const fake = fakeKeymintClient({ listProviders: async () => [], ...calls });
  return renderWithKeymint(<ProviderDetailsDialog providerId="p1" onClose={() => undefined} />, fake.client);
}

describe('the details dialog', () => {
  it('shows the claims with human times, issuer, audience, scope, the masked preview and the expiry source', async () => {
    open({ tokenDetails: async () => details() });
    const dialog = await screen.findByRole('dialog', { name: 'Orders: details' });
    expect(within(dialog).getByText('https://auth.example')).toBeTruthy();
    expect(within(dialog).getByText('orders-api')).toBeTruthy();
    expect(within(dialog).getByText('orders:read')).toBeTruthy();
    expect(within(dialog).getByText('eyJh••••••••x9Q0')).toBeTruthy();
    expect(within(dialog).getByText('expires_in (seconds)')).toBeTruthy();
    expect(dialog.textContent).toMatch(/Expires \(exp\).*· in 59 min 5\d s/);
    expect(dialog.textContent).toMatch(/Issued at \(iat\).*· [45] s ago/);
    expect(within(dialog).getByText('RS256')).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/Clock skew/);
  });

  it('warns of clock skew when iat or nbf is in the future', async () => {
    const skewed = details();
    if (skewed.token?.jwt) skewed.token.jwt.claims = { ...skewed.token.jwt.claims, iat: seconds(now + 125_000), nbf: seconds(now + 125_000) };
    open({ tokenDetails: async () => skewed });
    const note = await screen.findByRole('note');
    expect(note.textContent).toMatch(/Clock skew: Issued at \(iat\) is 2 min 0\d s in the future; Not before \(nbf\) is 2 min 0\d s in the future/);
  });

  it('lists renewals and exchanges; an exchange opens to its redacted request and reply', async () => {
    const failed: ExchangeView = { ...exchange, status: null, failure: 'network', response: null };
    open({
      tokenDetails: async () =>
        details({
          renewals: [
            { at: new Date(now - 1000).toISOString(), trigger: 'automatic', outcome: 'failed', detail: 'Could not reach auth.example (connection refused).' },
            { at: new Date(now - 5000).toISOString(), trigger: 'manual', outcome: 'renewed', detail: null },
          ],
          exchanges: [failed, exchange],
        }),
    });
    const history = await screen.findByRole('list');
    expect(within(history).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/Automatic: failed: Could not reach auth\.example/),
      expect.stringMatching(/Manual: renewed/),
    ]);
    const table = screen.getByRole('table', { name: 'Last exchanges' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toMatch(/Authenticateno reply · network\d+ ms/);
    expect(rows[2]?.textContent).toMatch(/HTTP 20084 ms/);
    const show = within(rows[2] as HTMLElement).getByRole('button', { name: 'Show' });
    fireEvent.click(show);
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(table.textContent).toContain('Authorization: Basic [redacted]');
    expect(table.textContent).toContain('"access_token": "[redacted]"');
  });

  it('says when no token is held and nothing was exchanged', async () => {
    open({ tokenDetails: async () => details({ token: null, renewals: [], exchanges: [] }) });
    expect(await screen.findByText(/No token held/)).toBeTruthy();
    expect(screen.getByText(/Keymint keeps the last 20, redacted, in memory only/)).toBeTruthy();
  });

  it('Test credentials reports a failure and says the held token is kept, then reads the details again', async () => {
    const result: CredentialTest = {
      ok: false,
      status: 500,
      durationMs: 12,
      error: { code: 'http', message: 'Orders said: "server_error" (HTTP 500).' },
      stored: false,
      exchange: { ...exchange, status: 500, failure: 'http', durationMs: 12 },
    };
    const tokenDetails = vi.fn(async () => details());
    const testProvider = vi.fn(async () => result);
    open({ tokenDetails, testProvider });
    fireEvent.click(await screen.findByRole('button', { name: 'Test credentials' }));
    await vi.waitFor(() => expect(screen.getByRole('status', { name: 'Test credentials' }).textContent).toMatch(/✗ Test failed \(HTTP 500 · http · 12 ms\).*a token you held is kept/));
    expect(testProvider).toHaveBeenCalledWith({ id: 'p1' });
    await vi.waitFor(() => expect(tokenDetails).toHaveBeenCalledTimes(2));
  });

  it('Test credentials reports a success', async () => {
    const result: CredentialTest = { ok: true, status: 200, durationMs: 40, error: null, stored: true, exchange };
    open({ tokenDetails: async () => details(), testProvider: async () => result });
    fireEvent.click(await screen.findByRole('button', { name: 'Test credentials' }));
    await vi.waitFor(() => expect(screen.getByRole('status', { name: 'Test credentials' }).textContent).toBe('✓ Test passed (HTTP 200 · 40 ms): the new token is stored.'));
  });
});

describe('the details dialog, left open', () => {
  it('reads the details again when the board hears of a new token for the provider (a renewal)', async () => {
    const tokenDetails = vi.fn(async () => details());
    const provider = providerView({ id: 'p1' });
    const fake = fakeKeymintClient({ listProviders: async () => [provider], tokenDetails });
    renderWithKeymint(<ProviderDetailsDialog providerId="p1" onClose={() => undefined} />, fake.client);
    await screen.findByRole('dialog', { name: 'Orders: details' });
    const calls = tokenDetails.mock.calls.length;

    const renewed = { ...provider, status: { ...provider.status, state: 'valid' as const, obtainedAt: new Date(now).toISOString() } };
    act(() => fake.emit('providers:changed', { kind: 'some', changed: [renewed], removed: [] }));
    await vi.waitFor(() => expect(tokenDetails.mock.calls.length).toBe(calls + 1));
    expect(screen.getByRole('dialog', { name: 'Orders: details' })).toBeTruthy();
  });
});

describe('claim times', () => {
  it('reads relative times both ways', () => {
    expect(relativeWords(now + 90_000, now)).toBe('in 1 min 30 s');
    expect(relativeWords(now - 2 * 86_400_000 - 4 * 3_600_000, now)).toBe('2 d 4 h ago');
  });

  it('sees no skew in a token issued this second', () => {
    expect(clockSkewWarning({ iat: seconds(now) }, now)).toBeNull();
  });
});
