import type { Locator, Page } from '@playwright/test';
import { callWithHeader, copiedAnnouncement, copyButton, menuButton, providerItem } from '../fixtures/board';
import { expectNoneCrossedIpc } from '../fixtures/ipc-traffic';
import { expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';

const PASSPHRASE = 'quiet harbour lantern 52';

/** The control focus is on, as a person reads it off the screen: for failure messages. */
const FOCUSED = `(() => {
  const element = document.activeElement;
  const label = element?.getAttribute('aria-label') ?? element?.labels?.[0]?.textContent ?? element?.textContent ?? '';
  return (element?.tagName ?? 'nothing') + ' “' + label.trim().slice(0, 60) + '”';
})()`;

function focused(page: Page): Promise<string> {
  return page.evaluate(FOCUSED) as Promise<string>;
}

/** Presses Tab, then says where focus must have gone: a dead end fails here, by name. */
async function tabTo(page: Page, target: Locator, presses = 1, key = 'Tab'): Promise<void> {
  for (let i = 0; i < presses; i++) await page.keyboard.press(key);
  await expect(target, `after ${presses} × ${key}, focus is on ${await focused(page)}`).toBeFocused();
}

/**
 * A person who never touches the mouse: sets the vault up, adds a Togai provider, mints its token
 * from the row's menu, copies it from the row and from the palette in two formats, locks and
 * unlocks. Only
 * `page.keyboard` from launch to the end; each header copied is sent to the emulator.
 */
test('keyboard only: set up the vault, add Togai, generate, copy from the row and the palette, choose a format, lock and unlock', async ({ togai, launch }) => {
  const app = await launch();
  const { page, readClipboard } = app;
  const { keyboard } = page;
  await page.getByRole('heading', { level: 1 }).first().waitFor();

  // First run: past Settings and Add provider to the unlock method; the arrows pick Passphrase.
  const setup = page.getByRole('region', { name: 'Set up your vault' });
  await tabTo(page, setup.getByRole('radio', { name: 'System keychain (recommended)' }), 3);
  await keyboard.press('ArrowDown');
  await expect(setup.getByRole('radio', { name: 'Passphrase' })).toBeChecked();
  await tabTo(page, setup.getByLabel('Passphrase', { exact: true }).and(setup.locator('input[type="password"]')));
  await keyboard.type(PASSPHRASE);
  await tabTo(page, setup.getByLabel('Confirm passphrase', { exact: true }).and(setup.locator('input[type="password"]')));
  await keyboard.type(PASSPHRASE);
  await keyboard.press('Enter');
  await expect(setup).toBeHidden();
  // The panel left with the focused field in it: focus goes on to the next step, not to the page.
  await expect(page.getByRole('button', { name: 'Add provider' })).toBeFocused();

  // Ctrl+N: the form opens on the preset; the arrows reach Togai, Tab walks the fields, Enter saves.
  await keyboard.press('Control+n');
  const form = page.getByRole('dialog', { name: 'Add provider' });
  const preset = form.getByLabel('Preset');
  await expect(preset).toBeFocused();
  for (let i = 0; i < 3; i++) await keyboard.press('ArrowDown');
  await expect(preset.locator('option:checked')).toHaveText('Togai');
  await tabTo(page, form.getByLabel('Name', { exact: true }));
  await keyboard.type('Togai billing');
  await tabTo(page, form.getByLabel('Base URL', { exact: true }));
  await keyboard.press('Control+a');
  await keyboard.type(togai.url);
  // Past the preset's two documented hosts (Production, Sandbox) to the key.
  await tabTo(page, form.getByLabel('API key', { exact: true }), 3);
  await keyboard.type(TOGAI_API_KEY);
  await keyboard.press('Enter');
  await expect(form).toBeHidden();

  const item = providerItem(page, 'Togai billing');
  await expect(item).toContainText('No token');
  // Back from the dialog on Add provider; Tab goes past search, filter and sort to the row.
  await expect(page.getByRole('button', { name: 'Add provider' })).toBeFocused();
  await tabTo(page, page.getByRole('searchbox', { name: 'Search providers' }));
  await tabTo(page, item, 3);

  // The row's menu, by keyboard: Generate is its first entry.
  await tabTo(page, copyButton(item));
  await tabTo(page, menuButton(item));
  await keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Generate', exact: true })).toBeFocused();
  await keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(item).toContainText('Valid');
  await expect(menuButton(item), 'focus stays on the menu button after Generate').toBeFocused();

  // Enter on the row copies its header, which the provider's API accepts.
  await tabTo(page, item, 2, 'Shift+Tab');
  await keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(copiedAnnouncement('Togai billing'));
  await expect(item).toBeFocused();
  const token = togai.issued.at(-1)?.token ?? '';
  const header = await readClipboard();
  expect(header).toBe(`Authorization: Bearer ${token}`);
  expect(await callWithHeader(`${togai.url}/protected`, header)).toBe(200);

  // Ctrl+K, a few letters, Enter: the header again, from anywhere.
  await keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Quick copy' });
  await expect(palette.getByRole('combobox', { name: 'Find a provider' })).toBeFocused();
  await keyboard.type('bil');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Togai billing');
  await keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByText('Copied Authorization header for Togai billing — clears in 60 s')).toBeAttached();
  await expect(item, 'focus returns to the row the palette was opened from').toBeFocused();
  expect(await callWithHeader(`${togai.url}/protected`, await readClipboard())).toBe(200);

  // Alt+Enter chooses the format: the raw token, sent as a bearer token by the script.
  await keyboard.press('Control+k');
  await keyboard.type('tog');
  await keyboard.press('Alt+Enter');
  const format = palette.getByRole('combobox', { name: 'Format' });
  await expect(format).toBeFocused();
  await keyboard.press('ArrowDown');
  await expect(palette.getByRole('option', { selected: true })).toHaveText('Raw token');
  await keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect.poll(readClipboard).toBe(token);
  expect(await callWithHeader(`${togai.url}/protected`, `Authorization: Bearer ${await readClipboard()}`)).toBe(200);

  // Lock from the header and unlock in the banner: focus comes back to the row, ready to copy.
  await expect(item).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Lock', exact: true }), 6, 'Shift+Tab');
  await keyboard.press('Enter');
  const banner = page.getByRole('region', { name: 'Vault locked' });
  await expect(banner.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await keyboard.type(PASSPHRASE);
  await keyboard.press('Enter');
  await expect(banner).toBeHidden();
  await expect(item, 'focus comes back to the row after unlocking').toBeFocused();
  await keyboard.press('Enter');
  await expect.poll(readClipboard).toBe(`Authorization: Bearer ${token}`);

  await expectNoneCrossedIpc(app, [TOGAI_API_KEY, PASSPHRASE, token]);
});
