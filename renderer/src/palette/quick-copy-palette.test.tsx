// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { IpcError } from '../keymint-client';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { providerView, vaultStatus } from '../testing/views';
import { AnnouncerProvider } from '../ui/announcer';
import { PaletteLauncher } from './palette-launcher';

const billing = providerView({ id: 'billing', name: 'Billing EU', presetId: 'togai' });
const shop = providerView({ id: 'shop', name: 'Shop', presetId: 'custom', baseUrl: 'https://auth.shop.test/token', header: { name: 'X-Shop-Token', scheme: '' } });
const chat = providerView({ id: 'chat', name: 'Chatbot', presetId: 'xenioo', baseUrl: 'https://api.xenioo.com' });

function setup(copy?: (input: ChannelInput<'tokens:copy'>) => Promise<{ copied: true; headerName: string; label: string; clearsInSeconds: number | null }>) {
  const copies: ChannelInput<'tokens:copy'>[] = [];
  const fake = fakeKeymintClient({
    listProviders: async () => [billing, shop, chat],
    vaultStatus: async () => vaultStatus(),
    copyToClipboard:
      copy ??
      (async (input) => {
        copies.push(input);
        const provider = [billing, shop, chat].find((p) => p.id === input.id)!;
        const labels = { header: provider.header.name, raw: 'raw token', curl: 'curl -H option', export: 'shell export' } as const;
        return { copied: true as const, headerName: provider.header.name, label: labels[input.format ?? 'header'], clearsInSeconds: 60 };
      }),
  });
  renderWithKeymint(
    <AnnouncerProvider>
      <button type="button">Somewhere on the board</button>
      <PaletteLauncher />
    </AnnouncerProvider>,
    fake.client,
  );
  return { fake, copies };
}

const combobox = () => screen.getByRole('combobox', { name: 'Find a provider' });
const key = (target: Element, init: Parameters<typeof fireEvent.keyDown>[1]) => act(() => void fireEvent.keyDown(target, init));
const options = () => within(screen.getByRole('listbox')).getAllByRole('option');
const announced = () => screen.getAllByRole('status').map((region) => region.textContent).join(' ');

async function openWithCtrlK() {
  key(document.body, { key: 'k', ctrlKey: true });
  const input = await screen.findByRole('combobox', { name: 'Find a provider' });
  await screen.findByRole('option', { name: /Billing EU/ });
  return input;
}

describe('the quick-copy palette', () => {
  it('opens on Ctrl+K (and Cmd+K) with the text box focused, as an accessible combobox over a listbox', async () => {
    setup();
    const input = await openWithCtrlK();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Providers' });
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);
    expect(options().map((o) => o.querySelector('.palette-option-label')?.textContent)).toEqual(['Billing EU', 'Chatbot', 'Shop']);
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0]?.id);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('finds a provider from a few letters; Enter copies its header, announces it and closes', async () => {
    const { copies } = setup();
    const input = await openWithCtrlK();
    act(() => void fireEvent.change(input, { target: { value: 'sho' } }));
    expect(options()).toHaveLength(1);
    key(input, { key: 'Enter' });
    await screen.findByText('Copied X-Shop-Token header for Shop — clears in 60 s');
    expect(copies).toEqual([{ id: 'shop', format: 'header' }]);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(announced()).toContain('Copied X-Shop-Token header for Shop');
  });

  it('moves with the arrows, never past either end', async () => {
    const { copies } = setup();
    const input = await openWithCtrlK();
    key(input, { key: 'ArrowUp' });
    key(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    key(input, { key: 'ArrowDown' });
    key(input, { key: 'ArrowDown' });
    expect(options()[2]?.getAttribute('aria-selected')).toBe('true');
    key(input, { key: 'Enter' });
    await screen.findByText(/Copied X-Shop-Token header for Shop/);
    expect(copies).toEqual([{ id: 'shop', format: 'header' }]);
  });

  it('Alt+Enter lists the formats for the provider; Enter copies the one chosen', async () => {
    const { copies } = setup();
    const input = await openWithCtrlK();
    act(() => void fireEvent.change(input, { target: { value: 'bill' } }));
    key(input, { key: 'Enter', altKey: true });
    const formats = screen.getByRole('listbox', { name: 'Formats' });
    expect(within(formats).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Authorization header',
      'Raw token',
      "curl option: -H 'Authorization: …'",
      'Shell: export BILLING_EU_TOKEN=…',
    ]);
    expect(copies).toEqual([]);
    const formatBox = screen.getByRole('combobox', { name: 'Format' });
    key(formatBox, { key: 'ArrowDown' });
    key(formatBox, { key: 'ArrowDown' });
    key(formatBox, { key: 'Enter' });
    await screen.findByText('Copied curl -H option for Billing EU — clears in 60 s');
    expect(copies).toEqual([{ id: 'billing', format: 'curl' }]);
  });

  it('Escape closes without copying', async () => {
    const { copies } = setup();
    const input = await openWithCtrlK();
    // The native dialog turns Escape into its cancel and close events.
    act(() => {
      fireEvent.keyDown(input, { key: 'Escape' });
      input.closest('dialog')?.close();
    });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(copies).toEqual([]);
  });

  it('says when nothing matches, and shows a refusal in place without closing', async () => {
    setup(async () => {
      throw new IpcError('locked', 'The vault is locked. Unlock it first.');
    });
    const input = await openWithCtrlK();
    act(() => void fireEvent.change(input, { target: { value: 'zzz' } }));
    expect(screen.getByText('No provider matches.')).toBeTruthy();
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
    act(() => void fireEvent.change(input, { target: { value: 'chat' } }));
    key(input, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('The vault is locked. Unlock it first.');
    expect(combobox()).toBeTruthy();
  });

  it('opens when main asks (the global shortcut), and not over another open dialog', async () => {
    const { fake } = setup();
    act(() => fake.emit('ui:open-palette', null));
    expect(await screen.findByRole('combobox', { name: 'Find a provider' })).toBeTruthy();
    act(() => combobox().closest('dialog')?.close());
    expect(screen.queryByRole('combobox')).toBeNull();

    const other = document.createElement('dialog');
    document.body.append(other);
    other.showModal();
    key(document.body, { key: 'k', metaKey: true });
    expect(screen.queryByRole('combobox')).toBeNull();
    other.close();
    other.remove();
    key(document.body, { key: 'k', metaKey: true });
    expect(await screen.findByRole('combobox', { name: 'Find a provider' })).toBeTruthy();
  });
});
