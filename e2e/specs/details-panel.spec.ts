import { expectNoAxeViolations } from '../fixtures/axe';
import { addProvider, callWithHeader } from '../fixtures/board';
import { expectNoneCrossedIpc } from '../fixtures/ipc-traffic';
import { addTogaiWithToken, expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';

test('the details panel shows the JWT with human times, the exchange, and Test credentials that fails without losing the valid token', async ({ togai, launch }) => {
  const app = await launch();
  const item = await addTogaiWithToken(app.page, togai);
  const held = togai.issued.at(-1)?.token ?? '';

  await item.getByRole('button', { name: 'Details' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Togai: details' });
  await expect(dialog).toBeVisible();
  // The claims, their times as instants and relative, and the expiry's source.
  await expect(dialog.getByText('Issued at')).toBeVisible();
  await expect(dialog).toContainText(/Issued at \(iat\).*· (\d+ s ago|now)/);
  await expect(dialog).toContainText(/Expires \(exp\).*· in 23 h 59 min/);
  await expect(dialog).toContainText('HS256');
  await expect(dialog).toContainText('JWT exp');
  await expect(dialog.getByLabel('masked token preview')).toHaveText(`${held.slice(0, 4)}••••••••${held.slice(-4)}`);
  await expect(dialog.getByRole('note')).toHaveCount(0);
  // The exchange, opened to its redacted request and reply.
  const exchanges = dialog.getByRole('table', { name: 'Last exchanges' });
  await expect(exchanges.getByRole('row')).toHaveCount(2);
  await expect(exchanges.getByRole('row').nth(1)).toContainText('HTTP 200');
  await exchanges.getByRole('button', { name: 'Show' }).click();
  await expect(exchanges).toContainText('Authorization: Bearer [redacted]');
  await expect(exchanges).toContainText('"token": "[redacted]"');
  await expect(dialog).toContainText('Manual: renewed');
  await expectNoAxeViolations(app.page, 'the details panel');
  // The README's picture of the panel, drawn from this very state.
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.page.screenshot({ path: 'docs/screenshots/details-panel.png' });

  // The provider breaks: the test says so, and the token held before is kept.
  togai.failNext(503, { message: 'Service Unavailable' });
  await dialog.getByRole('button', { name: 'Test credentials' }).click();
  await expect(dialog.getByRole('status', { name: 'Test credentials' })).toContainText(/Test failed \(HTTP 503 · http · \d+ ms\)/);
  await expect(dialog).toContainText('Test: failed');
  // Newest first; the exchange opened before stays open.
  await expect(exchanges.getByRole('row').nth(1)).toContainText('HTTP 503 · http');
  await expect(exchanges.getByRole('row').nth(2)).toContainText('HTTP 200');
  await expect(exchanges.getByRole('button', { name: 'Hide' })).toHaveCount(1);
  await expect(dialog.getByLabel('masked token preview')).toHaveText(`${held.slice(0, 4)}••••••••${held.slice(-4)}`);
  expect(await dialog.textContent()).not.toContain(held);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await expect(item).toContainText('Valid');
  await item.getByRole('button', { name: 'Copy bearer header' }).click();
  const header = await app.readClipboard();
  expect(header).toBe(`Authorization: Bearer ${held}`);
  expect(await callWithHeader(`${togai.url}/protected`, header)).toBe(200);

  await expectNoneCrossedIpc(app, [TOGAI_API_KEY, ...togai.issued.map((issued) => issued.token)]);
});

test('Try it runs an unsaved custom recipe and shows what the mapping found', async ({ togai, launch }) => {
  const app = await launch();
  await app.page.getByRole('button', { name: 'Add provider' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Add provider' });
  await dialog.getByLabel('Preset').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Recipe', { exact: true }).fill(
    JSON.stringify({
      name: 'Tried',
      fields: [{ key: 'apiKey', label: 'API key', secret: true }],
      request: { path: '/authenticate', headers: { Accept: 'application/json' }, auth: { type: 'bearer', token: '{{apiKey}}' } },
      response: { token: 'token' },
    }),
  );
  await dialog.getByLabel('Base URL', { exact: true }).fill(togai.url);
  await dialog.getByLabel('API key', { exact: true }).fill(TOGAI_API_KEY);
  await dialog.getByRole('button', { name: 'Try it' }).click();

  const found = dialog.getByRole('region', { name: 'What the recipe found' });
  await expect(found).toContainText('Token foundYes');
  await expect(found).toContainText('JWT exp');
  await found.getByRole('button', { name: 'Show' }).click();
  await expect(found).toContainText('"token": "[redacted]"');
  await expectNoAxeViolations(app.page, 'the custom recipe editor after Try it');
  expect(await dialog.textContent()).not.toContain(togai.issued.at(-1)?.token ?? 'none issued');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.page.getByRole('heading', { name: 'No providers yet' })).toBeVisible();
  await expectNoneCrossedIpc(app, togai.issued.map((issued) => issued.token));
});

test('Test credentials on a provider without a token stores the one it gets', async ({ togai, launch }) => {
  const app = await launch();
  const item = await addProvider(app.page, { preset: 'Togai', name: 'Togai', baseUrl: togai.url, fields: { 'API key': TOGAI_API_KEY } });
  await item.getByRole('button', { name: 'Details' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Togai: details' });
  await expect(dialog).toContainText('No token held');
  await dialog.getByRole('button', { name: 'Test credentials' }).click();
  await expect(dialog.getByRole('status', { name: 'Test credentials' })).toContainText(/Test passed \(HTTP 200 · \d+ ms\): the new token is stored/);
  await expect(dialog).toContainText('HS256');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(item).toContainText('Valid');
});
