import { expectNoAxeViolations } from '../fixtures/axe';
import { addTogaiWithToken, test } from '../fixtures/togai-test';
import { lockedBanner, openSettings, setUpVaultWithPassphrase } from '../fixtures/vault-ui';

const PASSPHRASE = 'amber violin tide 81';

test('every screen passes axe: first run, the board, the add dialog, settings, and the locked board', async ({ togai, launch }) => {
  const { page } = await launch();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expectNoAxeViolations(page, 'the first-run setup');

  await setUpVaultWithPassphrase(page, PASSPHRASE);
  await expectNoAxeViolations(page, 'the empty board');

  await addTogaiWithToken(page, togai);
  await expectNoAxeViolations(page, 'the board with a valid token');

  await page.getByRole('button', { name: 'Add provider' }).click();
  await page.getByRole('dialog').waitFor();
  await expectNoAxeViolations(page, 'the add-provider dialog');
  await page.keyboard.press('Escape');

  await openSettings(page);
  await expectNoAxeViolations(page, 'the settings dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await lockedBanner(page).waitFor();
  await expectNoAxeViolations(page, 'the locked board');
});
