// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { IpcError } from '../keymint-client';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { providerView, vaultStatus } from '../testing/views';
import { ProvidersBoard } from './providers-board';

const togai = providerView({ id: 'p1', name: 'Togai production' });
const sandbox = providerView({ id: 'p2', name: 'Togai sandbox', baseUrl: 'https://sandbox-api.togai.com' });

function providerNames(): string[] {
  const board = screen.getByRole('list', { name: 'Providers' });
  return within(board)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent ?? '');
}

describe('the providers board', () => {
  it('says it is loading, then lists each provider main returns, by name', async () => {
    const fake = fakeKeymintClient({ listProviders: async () => [togai, sandbox], vaultStatus: async () => vaultStatus() });
    renderWithKeymint(<ProvidersBoard />, fake.client);

    expect(screen.getByText('Loading providers…')).toBeTruthy();
    await screen.findByRole('list', { name: 'Providers' });
    expect(providerNames()).toEqual(['Togai production', 'Togai sandbox']);
    const item = screen.getByRole('listitem', { name: 'Togai sandbox' });
    expect(within(item).getByText('https://sandbox-api.togai.com')).toBeTruthy();
    expect(within(item).getByText('No token')).toBeTruthy();
  });

  it('says so when there are no providers yet', async () => {
    const fake = fakeKeymintClient({ listProviders: async () => [], vaultStatus: async () => vaultStatus() });
    renderWithKeymint(<ProvidersBoard />, fake.client);

    expect(await screen.findByRole('heading', { name: 'No providers yet' })).toBeTruthy();
  });

  it('shows what a provider still needs before it can mint tokens', async () => {
    const needsKey = providerView({ secretsSet: { apiKey: false }, missing: ['API key'] });
    const fake = fakeKeymintClient({ listProviders: async () => [needsKey], vaultStatus: async () => vaultStatus() });
    renderWithKeymint(<ProvidersBoard />, fake.client);

    const item = await screen.findByRole('listitem', { name: 'Togai production' });
    expect(item.textContent).toContain('Needs its API key before it can mint tokens');
  });

  it('follows the changes main pushes, and lists again only when told the list is stale', async () => {
    const listProviders = vi.fn(async () => [togai]);
    const fake = fakeKeymintClient({ listProviders, vaultStatus: async () => vaultStatus() });
    renderWithKeymint(<ProvidersBoard />, fake.client);
    await screen.findByRole('listitem', { name: 'Togai production' });

    act(() => fake.emit('providers:changed', { kind: 'some', changed: [sandbox], removed: [] }));
    expect(await screen.findByRole('listitem', { name: 'Togai sandbox' })).toBeTruthy();
    act(() => fake.emit('providers:changed', { kind: 'some', changed: [], removed: [togai.id] }));
    await vi.waitFor(() => expect(providerNames()).toEqual(['Togai sandbox']));
    expect(listProviders).toHaveBeenCalledTimes(1);

    listProviders.mockResolvedValueOnce([togai, sandbox]);
    act(() => fake.emit('providers:changed', { kind: 'stale' }));
    await vi.waitFor(() => expect(providerNames()).toEqual(['Togai production', 'Togai sandbox']));
    expect(listProviders).toHaveBeenCalledTimes(2);
  });

  it('shows an IPC failure in main’s own words, and Try again asks once more', async () => {
    const listProviders = vi
      .fn<() => Promise<(typeof togai)[]>>()
      .mockRejectedValueOnce(new IpcError('vault', 'The data file could not be read.'))
      .mockResolvedValueOnce([togai]);
    const fake = fakeKeymintClient({ listProviders, vaultStatus: async () => vaultStatus() });
    renderWithKeymint(<ProvidersBoard />, fake.client);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Keymint could not load your providers: The data file could not be read.');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listitem', { name: 'Togai production' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(listProviders).toHaveBeenCalledTimes(2);
  });

  it('disables the actions that need a key while the vault is locked, but not Remove', async () => {
    const fake = fakeKeymintClient({ listProviders: async () => [togai], vaultStatus: async () => vaultStatus({ state: 'locked' }) });
    renderWithKeymint(<ProvidersBoard />, fake.client);

    const item = await screen.findByRole('listitem', { name: 'Togai production' });
    const button = (name: string) => within(item).getByRole<HTMLButtonElement>('button', { name });
    await vi.waitFor(() => expect(button('Generate token').disabled).toBe(true));
    expect(button('Copy bearer header').disabled).toBe(true);
    expect(button('Edit').disabled).toBe(true);
    expect(button('Remove').disabled).toBe(false);
  });
});
