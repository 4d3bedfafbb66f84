// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NO_RENEWAL, NO_TOKEN } from '../../../shared/tokens/token-status';
import { IpcError } from '../keymint-client';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { providerView, vaultStatus } from '../testing/views';
import { AnnouncerProvider } from '../ui/announcer';
import { ProvidersBoard } from './providers-board';

const togai = providerView({ id: 'p1', name: 'Togai production' });
const sandbox = providerView({ id: 'p2', name: 'Togai sandbox', baseUrl: 'https://sandbox-api.togai.com' });
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const shop = providerView({
  id: 'p3',
  name: 'Shop',
  header: { name: 'X-Shop-Access-Token', scheme: '' },
  status: { ...NO_TOKEN, state: 'valid', obtainedAt: new Date().toISOString(), expiresAt: inAnHour(), renewal: NO_RENEWAL },
});

function providerNames(): string[] {
  const board = screen.getByRole('list', { name: 'Providers' });
  return within(board)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent ?? '');
}

function board(providers = [togai, sandbox], more: Parameters<typeof fakeKeymintClient>[0] = {}) {
  const fake = fakeKeymintClient({ listProviders: async () => providers, vaultStatus: async () => vaultStatus(), ...more });
  renderWithKeymint(
    <AnnouncerProvider>
      <ProvidersBoard />
    </AnnouncerProvider>,
    fake.client,
  );
  return fake;
}

describe('the providers board', () => {
  it('says it is loading, then lists each provider main returns, by name, under a Providers heading', async () => {
    board();
    expect(screen.getByText('Loading providers…')).toBeTruthy();
    await screen.findByRole('list', { name: 'Providers' });
    expect(screen.getByRole('heading', { level: 2, name: 'Providers' })).toBeTruthy();
    expect(providerNames()).toEqual(['Togai production', 'Togai sandbox']);
    const item = screen.getByRole('listitem', { name: 'Togai sandbox' });
    expect(within(item).getByText('https://sandbox-api.togai.com')).toBeTruthy();
    expect(within(item).getByText('No token')).toBeTruthy();
  });

  it('says so when there are no providers yet', async () => {
    board([]);
    expect(await screen.findByRole('heading', { name: 'No providers yet' })).toBeTruthy();
  });

  it('offers "Add its key", not Copy or Generate, for a provider imported without its key, and names the field', async () => {
    const needsKey = providerView({ secretsSet: { apiKey: false }, missing: ['API key'] });
    board([needsKey]);
    const item = await screen.findByRole('listitem', { name: 'Togai production' });
    expect(item.textContent).toContain('Needs its key');
    expect(item.textContent).toContain('Needs its API key before it can mint tokens');
    expect(within(item).getByRole('button', { name: 'Add its key' })).toBeTruthy();
    expect(within(item).queryByRole('button', { name: /^Copy/ })).toBeNull();
  });

  it('labels Copy by what it copies, and says where the user clicked that it did, for screen readers too', async () => {
    const copyToClipboard = vi.fn(async () => ({ copied: true as const, headerName: 'X-Shop-Access-Token', label: 'X-Shop-Access-Token', clearsInSeconds: 60 }));
    board([shop], { copyToClipboard });
    const item = await screen.findByRole('listitem', { name: 'Shop' });
    const copy = within(item).getByRole('button', { name: 'Copy X-Shop-Access-Token' });
    copy.focus();
    fireEvent.click(copy);
    await vi.waitFor(() => expect(item.textContent).toContain('Copied ✓ — clears in 60 s'));
    expect(copyToClipboard).toHaveBeenCalledWith({ id: 'p3', format: 'header' });
    expect(screen.getByRole('status').textContent).toBe('Copied X-Shop-Access-Token of Shop; the clipboard clears in 60 s');
    expect(document.activeElement).toBe(copy);
  });

  it('copies in another format from the row’s menu, and Enter on a row copies its header', async () => {
    const copyToClipboard = vi.fn(async () => ({ copied: true as const, headerName: 'Authorization', label: 'shell export', clearsInSeconds: 60 }));
    board([shop], { copyToClipboard });
    const item = await screen.findByRole('listitem', { name: 'Shop' });
    const menuButton = within(item).getByRole('button', { name: 'Actions for Shop' });
    fireEvent.click(menuButton);
    const menu = screen.getByRole('menu', { name: 'Actions for Shop' });
    expect(within(menu).getAllByRole('menuitem').map((entry) => entry.textContent)).toEqual([
      'Generate',
      'Details',
      'Edit',
      'Remove',
      'X-Shop-Access-Token header',
      'Raw token',
      'Curl -H option',
      'Shell export',
    ]);
    expect(within(menu).getByRole('group', { name: 'Copy as' })).toBeTruthy();
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Shell export' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton);
    await vi.waitFor(() => expect(copyToClipboard).toHaveBeenCalledWith({ id: 'p3', format: 'export' }));

    item.focus();
    fireEvent.keyDown(item, { key: 'Enter' });
    await vi.waitFor(() => expect(copyToClipboard).toHaveBeenLastCalledWith({ id: 'p3', format: 'header' }));
  });

  it('moves between rows with the arrow keys, one row in the Tab order at a time', async () => {
    board();
    const first = await screen.findByRole('listitem', { name: 'Togai production' });
    const second = screen.getByRole('listitem', { name: 'Togai sandbox' });
    expect([first.tabIndex, second.tabIndex]).toEqual([0, -1]);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await vi.waitFor(() => expect(document.activeElement).toBe(second));
    expect([first.tabIndex, second.tabIndex]).toEqual([-1, 0]);
    fireEvent.keyDown(second, { key: 'Home' });
    await vi.waitFor(() => expect(document.activeElement).toBe(first));
  });

  it('finds providers as you type, and Ctrl+F goes to the search', async () => {
    board([togai, sandbox, shop]);
    await screen.findByRole('list', { name: 'Providers' });
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    const search = screen.getByRole('searchbox', { name: 'Search providers' });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: 'sandbox' } });
    expect(providerNames()).toEqual(['Togai sandbox']);
    fireEvent.change(search, { target: { value: 'nothing' } });
    expect(screen.getByText('No provider matches “nothing”.')).toBeTruthy();
  });

  it('sums the board up: valid, expiring, failing, needing a key', async () => {
    const needsKey = providerView({ id: 'p4', name: 'Imported', missing: ['API key'] });
    board([togai, shop, needsKey]);
    await screen.findByRole('list', { name: 'Providers' });
    expect(screen.getByText(/3 providers:/).parentElement?.textContent).toBe('3 providers: 1 valid · 0 expiring · 0 failing · 1 needing a key');
  });

  it('follows the changes main pushes, and lists again only when told the list is stale', async () => {
    const listProviders = vi.fn(async () => [togai]);
    const fake = board([], { listProviders });
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
    board([], { listProviders });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Keymint could not load your providers: The data file could not be read.');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listitem', { name: 'Togai production' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(listProviders).toHaveBeenCalledTimes(2);
  });

  it('disables what needs a key while the vault is locked, but not Remove, and says renewal waits', async () => {
    board([togai], { vaultStatus: async () => vaultStatus({ state: 'locked' }) });
    const item = await screen.findByRole('listitem', { name: 'Togai production' });
    await vi.waitFor(() => expect(within(item).getByRole<HTMLButtonElement>('button', { name: 'Copy Authorization' }).disabled).toBe(true));
    expect(screen.getByText('Locked: automatic renewal waits until you unlock.')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: 'Actions for Togai production' }));
    const menu = screen.getByRole('menu');
    const disabled = (name: string) => within(menu).getByRole('menuitem', { name }).getAttribute('aria-disabled');
    expect([disabled('Generate'), disabled('Edit'), disabled('Remove')]).toEqual(['true', 'true', null]);
  });
});
