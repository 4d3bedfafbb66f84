import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addTogai, addTogaiWithToken, expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';
import { callWithHeader, chooseFromMenu, copyButton, providerItem, shownExpiry } from '../fixtures/board';
import { expectNoneCrossedIpc } from '../fixtures/ipc-traffic';

const API_KEY = TOGAI_API_KEY;
const DAY_MS = 24 * 3600 * 1000;

test('a Togai token is generated, shown with its 24 h expiry, and its copied header works', async ({ togai, launch }) => {
  const app = await launch();
  const item = await addTogai(app.page, togai);
  await expect(item).toContainText('No token');

  await chooseFromMenu(item, 'Generate');
  await expect(item).toContainText('Valid');
  const issued = togai.issued.at(-1);
  expect(issued).toBeDefined();
  const expiry = await shownExpiry(item);
  expect(Math.abs(expiry - (issued?.expiresAt ?? 0))).toBeLessThan(1000);
  expect(Math.abs(expiry - (Date.now() + DAY_MS))).toBeLessThan(60_000);
  await expect(item).toContainText('JWT exp');

  await copyButton(item).click();
  const header = await app.readClipboard();
  expect(header).toBe(`Authorization: Bearer ${issued?.token}`);
  expect(await callWithHeader(`${togai.url}/protected`, header)).toBe(200);
  expect(await callWithHeader(`${togai.url}/protected`, 'Authorization: Bearer forged')).toBe(401);

  await expectNoneCrossedIpc(app, [API_KEY, ...togai.issued.map((i) => i.token)]);
});

test('a wrong API key shows the provider’s own message', async ({ togai, launch }) => {
  const app = await launch();
  const item = await addTogai(app.page, togai, 'wrong-key-000');
  await chooseFromMenu(item, 'Generate');
  await expect(item).toContainText('Error');
  await expect(item).toContainText('Invalid API key or token');
  await expect(item).not.toContainText('wrong-key-000');
});

test('a restart keeps the provider and its valid token without a new token request', async ({ togai, launch }) => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keymint-e2e-restart-'));
  let app = await launch({ userDataDir });
  await addTogaiWithToken(app.page, togai);
  const requestsBefore = togai.tokenRequests;
  await app.close();

  app = await launch({ userDataDir });
  const again = providerItem(app.page, 'Togai');
  await expect(again).toContainText('Valid');
  await copyButton(again).click();
  expect(await callWithHeader(`${togai.url}/protected`, await app.readClipboard())).toBe(200);
  expect(togai.tokenRequests).toBe(requestsBefore);
});

test('removing a provider asks first, and Cancel keeps it', async ({ togai, launch }) => {
  const app = await launch();
  const item = await addTogai(app.page, togai);

  await chooseFromMenu(item, 'Remove');
  const confirm = app.page.getByRole('dialog', { name: 'Remove Togai?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(item).toBeVisible();

  await chooseFromMenu(item, 'Remove');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(item).toBeHidden();
  await expect(app.page.getByRole('heading', { name: 'No providers yet' })).toBeVisible();
});
