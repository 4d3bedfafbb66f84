import type { Page } from '@playwright/test';
import { startTogaiEmulator } from '../emulators';
import { expectNoAxeViolations } from '../fixtures/axe';
import { addProvider, chooseFromMenu, copyButton, providerItem } from '../fixtures/board';
import { expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';
import { openSettings } from '../fixtures/vault-ui';

/**
 * The README's pictures, drawn by the app itself against the emulators at 1280×800, each one
 * checked by axe in the state it shows. Run with the suite, so they never drift from the app.
 */
const SHOTS = 'docs/screenshots';
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Short enough to reach "Expiring soon" (its last quarter) while the others are added, with
 * automatic renewal off so it stays there instead of renewing at 80 %.
 */
const EXPIRING_LIFETIME_S = 20;

/** Shared from a teammate's repository: the definition arrives without its key. */
const SHARED_RECIPES = (baseUrl: string) =>
  JSON.stringify({ format: 'keymint-recipes', version: 1, providers: [{ name: 'Partner imports', preset: 'togai', baseUrl }] });

async function shoot(page: Page, name: string, screen: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  await expectNoAxeViolations(page, screen);
}

test('the README pictures: the board light and dark, the palette, the add dialog — each passing axe', async ({ togai, launch }) => {
  test.setTimeout(60_000);
  const shortLived = await startTogaiEmulator({ apiKey: TOGAI_API_KEY, lifetimeSeconds: EXPIRING_LIFETIME_S });
  try {
    const { page } = await launch();
    await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ colorScheme: 'light' });
    const togaiKey = { 'API key': TOGAI_API_KEY };

    // First the one that must age into "Expiring soon": renewal off, then its token.
    const expiring = await addProvider(page, { preset: 'Togai', name: 'Invoices sandbox', baseUrl: shortLived.url, fields: togaiKey });
    const settings = await openSettings(page);
    await settings.getByRole('checkbox', { name: 'Invoices sandbox' }).uncheck();
    await settings.getByRole('button', { name: 'Close' }).click();
    await chooseFromMenu(expiring, 'Generate');
    await expect(expiring).toContainText('Valid');
    await expect(expiring).toContainText('renewal off');

    for (const name of ['Billing', 'Usage metering', 'Customer portal']) {
      const item = await addProvider(page, { preset: 'Togai', name, baseUrl: togai.url, fields: togaiKey });
      await chooseFromMenu(item, 'Generate');
      await expect(item).toContainText('Valid');
    }
    const failing = await addProvider(page, { preset: 'Togai', name: 'Payments staging', baseUrl: togai.url, fields: { 'API key': 'revoked-key-0000' } });
    await chooseFromMenu(failing, 'Generate');
    await expect(failing).toContainText('Error');
    await addProvider(page, { preset: 'Togai', name: 'Reports', baseUrl: togai.url, fields: togaiKey });

    const importing = await openSettings(page);
    await importing.getByLabel('Recipes file').setInputFiles({ name: 'team-recipes.json', mimeType: 'application/json', buffer: Buffer.from(SHARED_RECIPES(togai.url)) });
    await importing.getByRole('button', { name: 'Import recipes' }).click();
    await expect(importing.getByRole('status')).toHaveText('Added 1 provider, replaced 0, skipped 0');
    await importing.getByRole('button', { name: 'Close' }).click();
    await expect(providerItem(page, 'Partner imports').getByRole('button', { name: 'Add its key' })).toBeVisible();

    // One fresh copy, so the picture shows the feedback where the user clicked.
    await copyButton(providerItem(page, 'Billing')).click();
    await expect(providerItem(page, 'Billing')).toContainText('Copied ✓');
    await expect(expiring).toContainText('Expiring soon', { timeout: EXPIRING_LIFETIME_S * 1000 });
    const board = page.getByRole('region', { name: 'Providers' });
    await expect(board).toContainText('7 providers: 3 valid · 1 expiring · 1 failing · 1 needing a key');

    // Both pictures first, while the short-lived token is still expiring; then axe on each theme.
    await page.screenshot({ path: `${SHOTS}/board-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: `${SHOTS}/board-dark.png` });
    await expectNoAxeViolations(page, 'the board in several states, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expectNoAxeViolations(page, 'the board in several states, light');

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Quick copy' });
    await palette.getByRole('combobox', { name: 'Find a provider' }).pressSequentially('us');
    await expect(palette.getByRole('option', { selected: true })).toContainText('Usage metering');
    await shoot(page, 'palette', 'the palette with a query');
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();

    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Add provider' });
    await dialog.getByLabel('Preset').selectOption({ label: 'Togai' });
    await dialog.getByLabel('Name', { exact: true }).fill('Togai production');
    await shoot(page, 'add-provider', 'the add-provider dialog, Togai chosen');
  } finally {
    await shortLived.close();
  }
});
