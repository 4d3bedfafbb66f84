// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_SETTINGS, type AppSettingsInput, type AppSettingsView } from '../../../shared/ipc/app-settings';
import { fakeKeymintClient } from '../testing/fake-keymint-client';
import { renderWithKeymint } from '../testing/render-with-keymint';
import { providerView, vaultStatus } from '../testing/views';
import { SettingsButton } from './settings-dialog';
import { useTheme } from './use-theme';

function Themed() {
  useTheme();
  return <SettingsButton />;
}

function setup(desktop = false) {
  let settings: AppSettingsView = { ...DEFAULT_APP_SETTINGS, desktop };
  const updates: AppSettingsInput[] = [];
  const autoRenew: { id: string; enabled: boolean }[] = [];
  const billing = providerView({ id: 'billing', name: 'Billing' });
  const fake = fakeKeymintClient({
    vaultStatus: async () => vaultStatus(),
    listProviders: async () => [billing],
    appSettings: async () => settings,
    updateAppSettings: async (changes) => {
      updates.push(changes);
      settings = { ...settings, ...changes };
      return settings;
    },
    setAutoRenew: async (input) => {
      autoRenew.push(input);
      return { ...billing, autoRenew: input.enabled };
    },
  });
  renderWithKeymint(<Themed />, fake.client);
  return { fake, updates, autoRenew };
}

async function openSettings() {
  act(() => screen.getByRole('button', { name: 'Settings' }).click());
  return screen.findByRole('radio', { name: 'System' });
}

describe('the Settings dialog', () => {
  it('opens on its first control, the theme', async () => {
    setup();
    const system = await openSettings();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(system);
    expect((system as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the pick shown while main saves it, and falls back to the stored value when main refuses', async () => {
    let answer: ((outcome: { ok: boolean }) => void) | undefined;
    const fake = fakeKeymintClient({
      vaultStatus: async () => vaultStatus(),
      listProviders: async () => [],
      appSettings: async () => ({ ...DEFAULT_APP_SETTINGS, desktop: false }),
      updateAppSettings: () =>
        new Promise((resolve, reject) => {
          answer = ({ ok }) => (ok ? resolve({ ...DEFAULT_APP_SETTINGS, theme: 'dark', desktop: false }) : reject(new Error('The vault is locked.')));
        }),
    });
    renderWithKeymint(<Themed />, fake.client);
    await openSettings();
    const dark = screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement;
    act(() => dark.click());
    // Not yet saved: a controlled radio that sprang back here would undo the user's click.
    expect(dark.checked).toBe(true);
    await expect.poll(() => answer).toBeDefined();
    await act(async () => answer?.({ ok: false }));
    await screen.findByText('The vault is locked.');
    await expect.poll(() => (screen.getByRole('radio', { name: 'System' }) as HTMLInputElement).checked).toBe(true);
    expect(dark.checked).toBe(false);
  });

  it('switches to the dark palette at once, and back to light', async () => {
    const { updates } = setup();
    await openSettings();
    expect(document.documentElement.dataset.theme).toBe('light');
    act(() => screen.getByRole('radio', { name: 'Dark' }).click());
    await expect.poll(() => document.documentElement.dataset.theme).toBe('dark');
    act(() => screen.getByRole('radio', { name: 'Light' }).click());
    await expect.poll(() => document.documentElement.dataset.theme).toBe('light');
    expect(updates).toEqual([{ theme: 'dark' }, { theme: 'light' }]);
  });

  it('follows main when the settings change elsewhere', async () => {
    const { fake } = setup();
    await openSettings();
    act(() => fake.emit('settings:changed', { ...DEFAULT_APP_SETTINGS, theme: 'dark', desktop: false }));
    await expect.poll(() => document.documentElement.dataset.theme).toBe('dark');
    expect((screen.getByRole('radio', { name: 'Dark' }) as HTMLInputElement).checked).toBe(true);
  });

  it('sets the clipboard delay, Never included', async () => {
    const { updates } = setup();
    await openSettings();
    const delay = screen.getByRole('combobox', { name: 'Clear the clipboard' }) as HTMLSelectElement;
    expect(delay.value).toBe('60');
    act(() => void fireEvent.change(delay, { target: { value: '0' } }));
    await expect.poll(() => updates).toEqual([{ clipboardClearSeconds: 0 }]);
    await expect.poll(() => delay.value).toBe('0');
    expect(delay.querySelector('option[value="0"]')?.textContent).toBe('Never');
  });

  it('offers notifications and the global shortcut in the desktop app only', async () => {
    setup(false);
    await openSettings();
    expect(screen.queryByRole('checkbox', { name: /Notify me/ })).toBeNull();
    expect(screen.getByText(/available in the Keymint desktop app/)).toBeTruthy();
  });

  it('turns notifications off, and automatic renewal off for one provider', async () => {
    const { updates, autoRenew } = setup(true);
    await openSettings();
    const notify = screen.getByRole('checkbox', { name: /Notify me/ }) as HTMLInputElement;
    expect(notify.checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Ctrl\+Shift\+K/ }) as HTMLInputElement).checked).toBe(false);
    act(() => notify.click());
    await expect.poll(() => updates).toEqual([{ notifications: false }]);

    const billing = (await screen.findByRole('checkbox', { name: 'Billing' })) as HTMLInputElement;
    expect(billing.checked).toBe(true);
    act(() => billing.click());
    await expect.poll(() => autoRenew).toEqual([{ id: 'billing', enabled: false }]);
  });
});
