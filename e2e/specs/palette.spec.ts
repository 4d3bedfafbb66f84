import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { addProvider, callWithHeader } from '../fixtures/board';
import { expectNoneCrossedIpc } from '../fixtures/ipc-traffic';
import { addTogaiWithToken, expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';

const run = promisify(execFile);

/** Opens the palette as a person would: Ctrl+K, from wherever the focus is. */
async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Quick copy' });
  const box = palette.getByRole('combobox', { name: 'Find a provider' });
  await expect(box).toBeFocused();
  return { palette, box };
}

test('Ctrl+K, a few letters, Enter: the header of the provider found is copied and works', async ({ launch, togai }) => {
  const app = await launch();
  await addTogaiWithToken(app.page, togai);
  await addProvider(app.page, { preset: 'Togai', name: 'Ledger sandbox', baseUrl: togai.url, fields: { 'API key': TOGAI_API_KEY } });

  const { palette, box } = await openPalette(app.page);
  await expectNoAxeViolations(app.page, 'the quick-copy palette');
  await box.pressSequentially('ledg');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(palette.getByRole('option', { selected: true })).toContainText('Ledger sandbox');
  await box.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.page.getByText('Copied Authorization header for Ledger sandbox — clears in 60 s')).toBeAttached();

  const header = await app.readClipboard();
  expect(header).toBe(`Authorization: Bearer ${togai.issued.at(-1)?.token}`);
  expect(await callWithHeader(`${togai.url}/protected`, header)).toBe(200);
  await expectNoneCrossedIpc(app, togai.issued.map((issued) => issued.token));
});

test('Alt+Enter chooses the format: the curl option copied runs with curl against the provider', async ({ launch, togai }) => {
  const app = await launch();
  await addTogaiWithToken(app.page, togai);

  const { palette, box } = await openPalette(app.page);
  await box.pressSequentially('tog');
  await box.press('Alt+Enter');
  const formats = palette.getByRole('listbox', { name: 'Formats' });
  await expect(formats.getByRole('option')).toHaveText(['Authorization header', 'Raw token', "curl option: -H 'Authorization: …'", 'Shell: export TOGAI_TOKEN=…']);
  await expectNoAxeViolations(app.page, "the palette's formats");
  const formatBox = palette.getByRole('combobox', { name: 'Format' });
  await formatBox.press('ArrowDown');
  await formatBox.press('ArrowDown');
  await expect(formats.getByRole('option', { selected: true })).toHaveText(/^curl option/);
  await formatBox.press('Enter');
  await expect(palette).toBeHidden();
  await expect(app.page.getByText('Copied curl -H option for Togai — clears in 60 s')).toBeAttached();

  const option = await app.readClipboard();
  expect(option).toBe(`-H 'Authorization: Bearer ${togai.issued.at(-1)?.token}'`);
  // As a person would paste it: into a curl command line read by the shell.
  const { stdout } = await run('sh', ['-c', `curl -s -o /dev/null -w '%{http_code}' ${option} '${togai.url}/protected'`]);
  expect(stdout).toBe('200');
});

test('Escape closes the palette without copying, and focus returns to where it was', async ({ launch, togai }) => {
  const app = await launch();
  await addTogaiWithToken(app.page, togai);
  const settings = app.page.getByRole('button', { name: 'Settings' });
  await settings.focus();
  const { palette, box } = await openPalette(app.page);
  await box.pressSequentially('tog');
  await box.press('Escape');
  await expect(palette).toBeHidden();
  await expect(settings).toBeFocused();
  expect(await app.readClipboard()).toBe('');
});
