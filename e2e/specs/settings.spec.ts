import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { addTogaiWithToken, expect, test } from '../fixtures/togai-test';

/** The dark palette's page background (styles.css, --bg). */
const DARK_BG = 'rgb(19, 22, 27)';
const LIGHT_BG = 'rgb(245, 246, 248)';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Settings' });
}

const html = (page: Page) => page.locator('html');

test('Settings opens on the theme; Dark paints the dark palette whatever the system prefers, after a restart too', async ({ launch }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keymint-e2e-settings-'));
  let app = await launch({ userDataDir });
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect(html(app.page)).toHaveCSS('background-color', LIGHT_BG);

  const dialog = await openSettings(app.page);
  await expect(dialog.getByRole('radio', { name: 'System' })).toBeFocused();
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(html(app.page)).toHaveCSS('background-color', DARK_BG);
  await expectNoAxeViolations(app.page, 'Settings, in the dark theme');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectNoAxeViolations(app.page, 'the board, in the dark theme');
  await app.close();

  app = await launch({ userDataDir });
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // System follows the OS as it changes.
  const again = await openSettings(app.page);
  await again.getByRole('radio', { name: 'System' }).check();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the clipboard delay set in Settings: 15 seconds clears the copy; Never keeps it', async ({ launch, togai }) => {
  test.setTimeout(90_000);
  const app = await launch();
  const item = await addTogaiWithToken(app.page, togai);

  let dialog = await openSettings(app.page);
  await expectNoAxeViolations(app.page, 'Settings with a provider (automatic renewal listed)');
  await dialog.getByLabel('Clear the clipboard').selectOption({ label: '15 seconds' });
  await expect(dialog.getByLabel('Clear the clipboard')).toHaveValue('15');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await item.getByRole('button', { name: 'Copy bearer header' }).click();
  await expect.poll(() => app.readClipboard()).toMatch(/^Authorization: Bearer /);
  await expect.poll(() => app.readClipboard(), { timeout: 25_000, intervals: [1000] }).toBe('');

  dialog = await openSettings(app.page);
  await dialog.getByLabel('Clear the clipboard').selectOption({ label: 'Never' });
  await expect(dialog.getByLabel('Clear the clipboard')).toHaveValue('0');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await item.getByRole('button', { name: 'Copy bearer header' }).click();
  await expect.poll(() => app.readClipboard()).toMatch(/^Authorization: Bearer /);
  // Past where the 15-second setting cleared it, and then some.
  await app.page.waitForTimeout(20_000);
  expect(await app.readClipboard()).toBe(`Authorization: Bearer ${togai.issued.at(-1)?.token}`);
});
