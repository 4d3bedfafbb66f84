import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { addTogai, addTogaiWithToken, expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';
import { callWithHeader, chooseFromMenu, copiedAnnouncement, copyButton, menuButton, providerItem } from '../fixtures/board';
import { scanUserData, valuesFoundIn } from '../fixtures/user-data-scan';
import { lockedBanner, openSettings, setUpVaultWithPassphrase, submitUnlock } from '../fixtures/vault-ui';

const API_KEY = TOGAI_API_KEY;
const PASSPHRASE = 'plum kettle orbit 42';

test('a passphrase vault: locked, the board stays listed but nothing can be copied until the right passphrase', async ({ togai, launch }) => {
  const app = await launch();
  const { page } = app;
  await setUpVaultWithPassphrase(page, PASSPHRASE);
  const item = await addTogaiWithToken(page, togai);

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  const banner = lockedBanner(page);
  await expect(banner).toBeVisible();
  // The token still works once unlocked; only its renewal waits, and the row says so.
  await expect(item).toContainText('Paused while locked');
  await expect(item.locator('time')).toHaveText(/^23:59:\d\d$/);
  const copy = copyButton(item);
  await expect(copy).toBeDisabled();
  await expect(page.getByText('Locked: automatic renewal waits until you unlock.')).toBeVisible();
  await menuButton(item).click();
  const menu = page.getByRole('menu');
  for (const name of ['Generate', 'Edit']) await expect(menu.getByRole('menuitem', { name })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Remove' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(menuButton(item)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Add provider' })).toBeDisabled();
  await expect(copy).toHaveAccessibleDescription(/wait until you unlock/);

  await submitUnlock(page, 'not the passphrase');
  await expect(banner.getByRole('alert')).toHaveText('That passphrase does not unlock this vault.');
  await expect(banner.getByLabel('Passphrase', { exact: true })).toHaveValue('not the passphrase');
  await expect(copy).toBeDisabled();
  expect(await app.readClipboard()).toBe('');

  await submitUnlock(page, PASSPHRASE);
  await expect(banner).toBeHidden();
  await copy.click();
  await expect(page.getByRole('status')).toHaveText(copiedAnnouncement('Togai'));
  expect(await callWithHeader(`${togai.url}/protected`, await app.readClipboard())).toBe(200);
});

test('after a restart the vault is locked with the token kept; unlocking copies it without a new token request', async ({ togai, launch }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keymint-e2e-vault-'));
  let app = await launch({ userDataDir });
  await setUpVaultWithPassphrase(app.page, PASSPHRASE);
  await addTogaiWithToken(app.page, togai);
  const requestsBefore = togai.tokenRequests;
  await app.close();

  app = await launch({ userDataDir });
  const again = providerItem(app.page, 'Togai');
  await expect(lockedBanner(app.page)).toBeVisible();
  await expect(again).toContainText('Paused while locked');
  await expect(copyButton(again)).toBeDisabled();

  await submitUnlock(app.page, PASSPHRASE);
  await expect(lockedBanner(app.page)).toBeHidden();
  await copyButton(again).click();
  await expect(app.page.getByRole('status')).toHaveText(copiedAnnouncement('Togai'));
  expect(await callWithHeader(`${togai.url}/protected`, await app.readClipboard())).toBe(200);
  expect(togai.tokenRequests).toBe(requestsBefore);
});

test('exported recipes hold no key, and importing them elsewhere adds the provider waiting for its key', async ({ togai, launch }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keymint-e2e-recipes-'));
  let app = await launch({ userDataDir });
  await addTogai(app.page, togai);
  let settings = await openSettings(app.page);
  await settings.getByRole('button', { name: 'Export recipes' }).click();
  const savedTo = join(`${userDataDir}-saved`, 'keymint-recipes.json');
  await expect(settings.getByRole('status')).toHaveText(`Recipes saved to ${savedTo}`);
  const recipes = readFileSync(savedTo, 'utf8');
  expect(recipes).not.toContain(API_KEY);
  expect(JSON.parse(recipes)).toMatchObject({ providers: [{ name: 'Togai', preset: 'togai', baseUrl: togai.url }] });
  await app.close();

  app = await launch();
  settings = await openSettings(app.page);
  await settings.getByLabel('Recipes file').setInputFiles({ name: 'keymint-recipes.json', mimeType: 'application/json', buffer: Buffer.from(recipes) });
  await settings.getByRole('button', { name: 'Import recipes' }).click();
  await expect(settings.getByRole('status')).toHaveText('Added 1 provider, replaced 0, skipped 0');
  await settings.getByRole('button', { name: 'Close' }).click();

  const imported = providerItem(app.page, 'Togai');
  await expect(imported).toContainText('Needs its API key');
  // Imported without its key: the row's action is to add it, not Generate or Copy.
  await expect(copyButton(imported)).toHaveCount(0);
  await imported.getByRole('button', { name: 'Add its key' }).click();
  const edit = app.page.getByRole('dialog', { name: 'Edit provider' });
  await edit.getByLabel('API key', { exact: true }).fill(API_KEY);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(imported).not.toContainText('Needs its API key');
  await chooseFromMenu(imported, 'Generate');
  await expect(imported).toContainText('Valid');
});

test('changing the passphrase needs the current one; afterwards only the new one unlocks', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await setUpVaultWithPassphrase(page, PASSPHRASE);
  const settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Change passphrase' }).click();
  await settings.getByLabel('Current passphrase', { exact: true }).fill('a wrong guess');
  await settings.getByLabel('New passphrase', { exact: true }).fill('second passphrase 99');
  await settings.getByLabel('Confirm new passphrase', { exact: true }).fill('second passphrase 99');
  await settings.getByRole('button', { name: 'Save passphrase' }).click();
  await expect(settings).toContainText('That passphrase does not unlock this vault.');

  await settings.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await settings.getByRole('button', { name: 'Save passphrase' }).click();
  await expect(settings.getByRole('status')).toHaveText('Passphrase changed');
  await settings.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await submitUnlock(page, PASSPHRASE);
  await expect(lockedBanner(page).getByRole('alert')).toHaveText('That passphrase does not unlock this vault.');
  await submitUnlock(page, 'second passphrase 99');
  await expect(lockedBanner(page)).toBeHidden();
});

test('with a passphrase vault, exporting a backup asks for the current passphrase; main saves it, without the key in clear', async ({ togai, launch }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keymint-e2e-backup-'));
  const savedDir = `${userDataDir}-saved`;
  const app = await launch({ userDataDir });
  const { page } = app;
  // Both hosts save backups into `<userDataDir>-saved` instead of showing a save dialog.
  await setUpVaultWithPassphrase(page, PASSPHRASE);
  await addTogai(page, togai);

  const settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Export backup' }).click();
  const current = settings.getByLabel('Current passphrase', { exact: true });
  await current.fill('a wrong guess');
  await settings.getByLabel('Backup passphrase', { exact: true }).fill('backup passphrase 77');
  await settings.getByLabel('Confirm backup passphrase', { exact: true }).fill('backup passphrase 77');
  await settings.getByRole('button', { name: 'Save backup' }).click();
  await expect(current).toHaveAccessibleDescription('That passphrase does not unlock this vault.');
  await expect(current).toBeFocused();
  expect(existsSync(savedDir) ? readdirSync(savedDir) : [], 'nothing saved after a wrong passphrase').toEqual([]);

  await current.fill(PASSPHRASE);
  await settings.getByRole('button', { name: 'Save backup' }).click();
  const status = settings.getByRole('status');
  await expect(status).toHaveText(/^Backup saved to /);
  const savedTo = (await status.textContent())?.replace(/^Backup saved to /, '') ?? '';
  expect(dirname(savedTo)).toBe(savedDir);
  expect(readFileSync(savedTo, 'utf8')).not.toContain(API_KEY);
  expect(valuesFoundIn(scanUserData(savedDir), [API_KEY, PASSPHRASE]), 'positions of secrets found in the backup').toEqual([]);
});

test('first run: a passphrase picked in the set-up panel is not dropped for the keychain when a provider is added first', async ({ togai, launch }) => {
  const { page } = await launch();
  const panel = page.getByRole('region', { name: 'Set up your vault' });
  await panel.getByRole('radio', { name: 'Passphrase' }).check();
  await panel.getByLabel('Passphrase', { exact: true }).and(panel.locator('input[type="password"]')).fill(PASSPHRASE);

  await page.getByRole('button', { name: 'Add provider' }).click();
  const form = page.getByRole('dialog', { name: 'Add provider' });
  await form.getByLabel('Preset').selectOption({ label: 'Togai' });
  await form.getByLabel('Name', { exact: true }).fill('Togai');
  await form.getByLabel('Base URL', { exact: true }).fill(togai.url);
  await form.getByLabel('API key', { exact: true }).fill(API_KEY);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toContainText('Finish setting up the vault first');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Togai');
  await form.getByRole('button', { name: 'Cancel' }).click();

  await expect(panel.getByRole('radio', { name: 'Passphrase' })).toBeChecked();
  await setUpVaultWithPassphrase(page, PASSPHRASE);
  await addTogai(page, togai);
  const settings = await openSettings(page);
  await expect(settings.getByRole('listitem').filter({ hasText: 'System keychain' })).toContainText('Not in use');
  await expect(settings.getByRole('listitem').filter({ hasText: 'Passphrase' })).toContainText('In use');
  await expect(settings.getByRole('checkbox', { name: 'Lock when the screen locks or the computer sleeps' })).toBeChecked();
});
