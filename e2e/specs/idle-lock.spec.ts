import { providerItem } from '../fixtures/board';
import { expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';
import { lockedBanner, openSettings, setUpVaultWithPassphrase } from '../fixtures/vault-ui';

test('typing in a form for longer than the auto-lock time keeps the vault open, and Save keeps what was typed', async ({ togai, launch }) => {
  test.setTimeout(150_000);
  const app = await launch();
  const { page } = app;
  await setUpVaultWithPassphrase(page, 'plum kettle orbit 42');
  const settings = await openSettings(page);
  await settings.getByLabel('Auto-lock').selectOption({ label: '1 minute' });
  await expect(settings.getByLabel('Auto-lock')).toHaveValue('1');
  await settings.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Add provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add provider' });
  await dialog.getByLabel('Preset').selectOption({ label: 'Togai' });
  await dialog.getByLabel('Base URL', { exact: true }).fill(togai.url);
  const name = dialog.getByLabel('Name', { exact: true });
  // A slow typist: one character every 5 s for 75 s, past the 1-minute auto-lock.
  const typed = 'Billing EU prod';
  for (const character of typed) {
    await name.press(character === ' ' ? 'Space' : character);
    await page.waitForTimeout(5000);
  }
  await expect(name).toHaveValue(typed);
  await expect(lockedBanner(page)).toBeHidden();
  await dialog.getByLabel('API key', { exact: true }).fill(TOGAI_API_KEY);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(providerItem(page, typed)).toBeVisible();
});
