// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { NO_RENEWAL, NO_TOKEN } from '../../../shared/tokens/token-status';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { providerView, vaultStatus } from '../testing/views';
import { ProvidersBoard } from './providers-board';

/** RowNotes renders exactly when its row does (it is not memoised): counting it counts row renders. */
const rowRenders = new Map<string, number>();
vi.mock('./row-notes', async (original) => {
  const real = await original<typeof import('./row-notes')>();
  return {
    RowNotes: (props: Parameters<typeof real.RowNotes>[0]) => {
      rowRenders.set(props.provider.name, (rowRenders.get(props.provider.name) ?? 0) + 1);
      return real.RowNotes(props);
    },
  };
});

const withToken = (id: string, name: string): ProviderView =>
  providerView({
    id,
    name,
    status: { ...NO_TOKEN, state: 'valid', obtainedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 3600_000).toISOString(), renewal: NO_RENEWAL },
  });

describe('rows and the clock', () => {
  it('re-renders only the row main sent anew; a tick changes countdowns without rendering any row', async () => {
    const billing = withToken('a', 'Billing');
    const search = withToken('b', 'Search');
    const fake = fakeKeymintClient({ listProviders: async () => [billing, search], vaultStatus: async () => vaultStatus() });
    renderWithKeymint(<ProvidersBoard />, fake.client);
    const row = await screen.findByRole('listitem', { name: 'Billing' });
    // Settled: the vault's status has arrived too (rows read whether it is locked).
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const settled = new Map(rowRenders);

    const countdown = within(row).getByText(/^\d:\d\d:\d\d$/).textContent;
    await vi.waitFor(() => expect(within(row).getByText(/^\d:\d\d:\d\d$/).textContent).not.toBe(countdown), { timeout: 2500 });
    expect(rowRenders).toEqual(settled);

    act(() => fake.emit('providers:changed', { kind: 'some', changed: [{ ...search, baseUrl: 'https://eu.togai.com' }], removed: [] }));
    await screen.findByText('https://eu.togai.com');
    expect(rowRenders.get('Billing')).toBe(settled.get('Billing'));
    expect(rowRenders.get('Search')).toBeGreaterThan(settled.get('Search') ?? 0);
  });
});
