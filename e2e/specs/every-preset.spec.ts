import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startBotlhaleEmulator,
  startHighlineEmulator,
  startOAuthClientCredentialsEmulator,
  startTogaiEmulator,
  startWelkinEmulator,
  startXeniooEmulator,
  type Emulator,
} from '../emulators';
import { launchApp, type LaunchedApp } from '../fixtures/app';
import { addProvider, callWithHeader, chooseFromMenu, copyButton, shownExpiry } from '../fixtures/board';
import { expectNoneCrossedIpc } from '../fixtures/ipc-traffic';
import { scanUserData, valuesFoundIn } from '../fixtures/user-data-scan';

/** Each preset added through the UI, exactly as a person would, against its strict emulator. */
interface Case {
  preset: string;
  name: string;
  start(): Promise<Emulator>;
  baseUrl(emulator: Emulator): string;
  baseUrlLabel?: string;
  fields: Record<string, string>;
  expirySource: string;
}

const highlineRecipe = JSON.stringify({
  name: 'Highline (custom)',
  fields: [
    { key: 'apiKey', label: 'API key', secret: true },
    { key: 'secret', label: 'Secret', secret: true },
  ],
  request: { method: 'POST', path: '/auth/token', body: { type: 'json', fields: { api_key: '{{apiKey}}', secret: '{{secret}}' } } },
  response: { token: 'access_token', expiry: { path: 'expires_in', kind: 'epoch-seconds' } },
});

const cases: Case[] = [
  {
    preset: 'Botlhale',
    name: 'Botlhale',
    start: () => startBotlhaleEmulator({ apiKey: 'botlhale-key-51c0ffee' }),
    baseUrl: (e) => e.url,
    fields: { 'API key': 'botlhale-key-51c0ffee' },
    expirySource: 'ExpiresIn (seconds)',
  },
  {
    preset: 'Xenioo',
    name: 'Xenioo bot',
    start: () => startXeniooEmulator({ accountApiKey: 'xenioo-account-9d2b', bot: { apiKey: 'xenioo-bot-77aa', secret: 'xenioo-bot-secret-3e1f' } }),
    baseUrl: (e) => e.url,
    fields: { 'Account API key': 'xenioo-account-9d2b', 'Bot API key': 'xenioo-bot-77aa', 'Bot API secret': 'xenioo-bot-secret-3e1f' },
    expirySource: 'expires (minutes)',
  },
  {
    preset: 'Highline',
    name: 'Highline',
    start: () => startHighlineEmulator({ apiKey: 'highline-key-0a9b', secret: 'highline-secret-6c5d' }),
    baseUrl: (e) => e.url,
    fields: { 'API key': 'highline-key-0a9b', Secret: 'highline-secret-6c5d' },
    expirySource: 'expires_in (absolute timestamp)',
  },
  {
    preset: 'Togai',
    name: 'Togai',
    start: () => startTogaiEmulator({ apiKey: 'togai-key-8e7f' }),
    baseUrl: (e) => e.url,
    fields: { 'API key': 'togai-key-8e7f' },
    expirySource: 'JWT exp',
  },
  {
    preset: 'Welkin',
    name: 'Welkin',
    start: () => startWelkinEmulator({ tenant: 'gh', clientName: 'VBOPNRYRWJIP', secret: '+}B{KGTG6#zG%P;tQm0C' }),
    baseUrl: (e) => e.url,
    fields: { Tenant: 'gh', 'API client': 'VBOPNRYRWJIP', Secret: '+}B{KGTG6#zG%P;tQm0C' },
    expirySource: 'JWT exp',
  },
  {
    preset: 'OAuth 2.0 client credentials',
    name: 'OAuth',
    start: () => startOAuthClientCredentialsEmulator({ clientId: 'client-42', clientSecret: 'oauth-secret-%+&-1b2c', clientAuth: 'basic' }),
    baseUrl: (e) => `${e.url}/oauth/token`,
    baseUrlLabel: 'Token URL',
    fields: { 'Client ID': 'client-42', 'Client secret': 'oauth-secret-%+&-1b2c', Scope: 'read:all' },
    expirySource: 'expires_in (seconds)',
  },
];

const SECRET_LABELS = new Set(['API key', 'Account API key', 'Bot API key', 'Bot API secret', 'Secret', 'Client secret']);

const emulators: Emulator[] = [];
let app: LaunchedApp | undefined;

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

test('every preset generates a token whose copied header its API accepts, with the issued expiry', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'keymint-e2e-presets-'));
  app = await launchApp({ userDataDir });
  for (const c of cases) {
    const emulator = await c.start();
    emulators.push(emulator);
    const item = await addProvider(app.page, { preset: c.preset, name: c.name, baseUrl: c.baseUrl(emulator), baseUrlLabel: c.baseUrlLabel, fields: c.fields });

    await chooseFromMenu(item, 'Generate');
    await expect(item, c.name).toContainText('Valid');
    await expect(item, c.name).toContainText(c.expirySource);
    const issued = emulator.issued.at(-1);
    expect(Math.abs((await shownExpiry(item)) - (issued?.expiresAt ?? 0)), `${c.name} expiry`).toBeLessThan(2000);

    await copyButton(item).click();
    const header = await app.readClipboard();
    expect(header, c.name).toBe(`Authorization: Bearer ${issued?.token}`);
    expect(await callWithHeader(`${emulator.url}/protected`, header), `${c.name} protected endpoint`).toBe(200);
  }

  const secrets = cases.flatMap((c) => Object.entries(c.fields).filter(([label]) => SECRET_LABELS.has(label)).map(([, v]) => v));
  const tokens = emulators.flatMap((e) => e.issued.map((i) => i.token));
  await expectNoneCrossedIpc(app, [...secrets, ...tokens]);

  // At rest: no secret or token in any file under the user-data folder, and every file 0600.
  await app.close();
  app = undefined;
  const files = scanUserData(userDataDir);
  expect(files.some((f) => f.path.endsWith('keymint.json'))).toBe(true);
  expect(valuesFoundIn(files, [...secrets, ...tokens]), 'positions of secrets found on disk').toEqual([]);
  if (process.platform !== 'win32') {
    expect(files.filter((f) => f.mode !== 0o600).map((f) => `${f.path} ${f.mode.toString(8)}`)).toEqual([]);
  }
});

test('a custom recipe runs like a preset', async () => {
  const highline = await startHighlineEmulator({ apiKey: 'custom-key-1234', secret: 'custom-secret-5678' });
  emulators.push(highline);
  app = await launchApp();
  const item = await addProvider(app.page, {
    preset: 'Custom',
    name: 'My API',
    recipe: highlineRecipe,
    baseUrl: highline.url,
    fields: { 'API key': 'custom-key-1234', Secret: 'custom-secret-5678' },
  });
  await chooseFromMenu(item, 'Generate');
  await expect(item).toContainText('Valid');
  await copyButton(item).click();
  expect(await callWithHeader(`${highline.url}/protected`, await app.readClipboard())).toBe(200);
});

test('a custom recipe with a mistake is refused with a message naming the field', async () => {
  app = await launchApp();
  await app.page.getByRole('button', { name: 'Add provider' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Add provider' });
  await dialog.getByLabel('Preset').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Recipe', { exact: true }).fill(highlineRecipe.replace('{{secret}}', '{{secert}}'));
  await expect(dialog).toContainText('request.body.fields.secret: unknown placeholder {{secert}}');
});
