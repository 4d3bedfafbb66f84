import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';
import { startBotlhaleEmulator, startHighlineEmulator, startTogaiEmulator, startXeniooEmulator } from '../emulators';
import { addProvider, chooseFromMenu, copiedAnnouncement, copyButton, type NewProvider } from '../fixtures/board';
import { launchBrowserHost } from '../fixtures/browser-host';

/**
 * Draws docs/served-app.png, the README's picture of the served app: the shipping served host
 * (run `npm run build` first) in Chromium, with four providers added through the form against
 * their emulators. `npx tsx e2e/tools/served-screenshot.ts`
 */
const output = resolve(import.meta.dirname, '../../docs/served-app.png');
const emulators = [
  await startTogaiEmulator({ apiKey: 'togai-key-8e7f' }),
  await startHighlineEmulator({ apiKey: 'highline-key-0a9b', secret: 'highline-secret-6c5d' }),
  await startXeniooEmulator({ accountApiKey: 'xenioo-account-9d2b' }),
  await startBotlhaleEmulator({ apiKey: 'botlhale-key-51c0ffee' }),
];
const [togai, highline, xenioo, botlhale] = emulators;
const app = await launchBrowserHost(mkdtempSync(join(tmpdir(), 'keymint-screenshot-')));
try {
  await app.page.setViewportSize({ width: 1100, height: 760 });
  const providers: (NewProvider & { generate: boolean })[] = [
    { preset: 'Togai', name: 'Billing (Togai)', baseUrl: togai!.url, fields: { 'API key': 'togai-key-8e7f' }, generate: true },
    { preset: 'Highline', name: 'Highline payments', baseUrl: highline!.url, fields: { 'API key': 'highline-key-0a9b', Secret: 'highline-secret-6c5d' }, generate: true },
    { preset: 'Xenioo', name: 'Support bot (Xenioo)', baseUrl: xenioo!.url, fields: { 'Account API key': 'xenioo-account-9d2b' }, generate: true },
    { preset: 'Botlhale', name: 'Speech (Botlhale)', baseUrl: botlhale!.url, fields: { 'API key': 'botlhale-key-51c0ffee' }, generate: false },
  ];
  for (const { generate, ...provider } of providers) {
    const item = await addProvider(app.page, provider);
    if (!generate) continue;
    await chooseFromMenu(item, 'Generate');
    await expect(item).toContainText('Valid');
  }
  await copyButton(app.page.getByRole('listitem').first()).click();
  await expect(app.page.getByRole('status')).toHaveText(copiedAnnouncement('Billing (Togai)'));
  await app.page.screenshot({ path: output });
  console.log(`Written to ${output}`);
} finally {
  await app.close();
  await Promise.all(emulators.map((emulator) => emulator!.close()));
}
