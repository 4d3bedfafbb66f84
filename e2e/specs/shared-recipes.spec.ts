import { addProvider, providerItem } from '../fixtures/board';
import { expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';
import { openSettings, setUpVaultWithPassphrase } from '../fixtures/vault-ui';

const AUTHOR_KEY = 'author-planted-key-3e8d';

test('a shared recipes file: its secret values are dropped and said so, its hosts listed, a second import adds nothing, and the custom host is flagged', async ({ togai, launch }) => {
  const { page } = await launch();
  const host = new URL(togai.url).host;
  const recipes = JSON.stringify({ format: 'keymint-recipes', version: 1, providers: [{ name: 'Togai', preset: 'togai', baseUrl: togai.url, values: { apiKey: AUTHOR_KEY } }] });
  const settings = await openSettings(page);
  const importFile = async () => {
    await settings.getByLabel('Recipes file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(recipes) });
    await settings.getByRole('button', { name: 'Import recipes' }).click();
  };

  await importFile();
  await expect(settings.getByRole('status')).toHaveText('Added 1 provider, replaced 0, skipped 0');
  const summary = settings.getByRole('group', { name: 'Import summary' });
  await expect(summary).toContainText(`Keys of the imported providers go to ${host}.`);
  await expect(summary).toContainText('The file held values for secret fields (Togai: API key). They were not imported');
  await importFile();
  await expect(settings.getByRole('status')).toHaveText('Added 0 providers, replaced 0, skipped 1');
  await settings.getByRole('button', { name: 'Close' }).click();

  const item = providerItem(page, 'Togai');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(item).toContainText('Needs its API key');
  await expect(item).toContainText(`custom host ${host}`);

  await page.getByRole('button', { name: 'Add provider' }).click();
  const form = page.getByRole('dialog', { name: 'Add provider' });
  await form.getByLabel('Preset').selectOption({ label: 'Togai' });
  await expect(form.getByLabel('Base URL', { exact: true })).not.toHaveAccessibleDescription(/Custom host/);
  await form.getByLabel('Base URL', { exact: true }).fill('https://api.example.net');
  await expect(form.getByLabel('Base URL', { exact: true })).toHaveAccessibleDescription(/Custom host api\.example\.net: not a server the Togai documentation names/);
});

test('Save that meets a locked vault unlocks in place and keeps what was typed; a double click saves one provider', async ({ togai, launch }) => {
  const { page } = await launch();
  await setUpVaultWithPassphrase(page, 'plum kettle orbit 42');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const form = page.getByRole('dialog', { name: 'Add provider' });
  await form.getByLabel('Preset').selectOption({ label: 'Togai' });
  await form.getByLabel('Name', { exact: true }).fill('Togai');
  await form.getByLabel('Base URL', { exact: true }).fill(togai.url);
  await form.getByLabel('API key', { exact: true }).fill(TOGAI_API_KEY);
  // The idle lock, as it would fire while the user is still in the form.
  await page.evaluate(() => (globalThis as unknown as { keymint: { lockVault(): Promise<unknown> } }).keymint.lockVault());

  const unlock = form.getByRole('region', { name: 'Vault locked' });
  await expect(unlock).toBeVisible();
  await unlock.getByLabel('Passphrase', { exact: true }).fill('plum kettle orbit 42');
  await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(unlock).toBeHidden();
  await expect(form.getByLabel('API key', { exact: true })).toHaveValue(TOGAI_API_KEY);
  await form.getByRole('button', { name: 'Save' }).dblclick();
  await expect(form).toBeHidden();
  await expect(page.getByRole('listitem')).toHaveCount(1);

  await addProvider(page, { preset: 'Togai', name: 'Second', baseUrl: togai.url, fields: { 'API key': TOGAI_API_KEY } });
  await expect(page.getByRole('listitem')).toHaveCount(2);
});
