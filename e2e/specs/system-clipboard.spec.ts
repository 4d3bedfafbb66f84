import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowserHost } from '../fixtures/browser-host';
import { callWithHeader, copiedAnnouncement, copyButton } from '../fixtures/board';
import { expectNoneCrossedIpc } from '../fixtures/ipc-traffic';
import type { LaunchOptions, LaunchedApp } from '../fixtures/launched-app';
import { addTogaiWithToken, expect, test } from '../fixtures/togai-test';
import { xClipboard } from '../fixtures/x-clipboard';

/**
 * The served host's clipboard adapter (clipboardy) against the machine's real clipboard: an X
 * display (Xvfb in CI) read back with xclip. Where no display exists the X spec is skipped and
 * says why; the spec without a clipboard runs everywhere.
 */

const launched: LaunchedApp[] = [];
test.afterEach(async () => {
  await Promise.all(launched.splice(0).map((app) => app.close()));
});

async function served(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const app = await launchBrowserHost(mkdtempSync(join(tmpdir(), 'keymint-e2e-clipboard-')), options);
  launched.push(app);
  return app;
}

const x = xClipboard();

test('Copy writes the real X clipboard (never the middle-click selection); locking clears it, quitting leaves what you copied since', async ({ togai }) => {
  if (!x.clipboard) {
    const why = `needs a real X clipboard: ${x.reason} (CI runs this under Xvfb with xclip)`;
    console.log(`[e2e] skipped: ${why}`);
    test.skip(true, why);
    return;
  }
  const { clipboard } = x;
  let app = await served({ clipboard: 'system' });
  let item = await addTogaiWithToken(app.page, togai);
  await copyButton(item).click();
  await expect(app.page.getByRole('status')).toHaveText(copiedAnnouncement('Togai'));
  const header = await clipboard.read();
  expect(header).toBe(`Authorization: Bearer ${togai.issued.at(-1)?.token}`);
  expect(await callWithHeader(`${togai.url}/protected`, header)).toBe(200);
  expect(await clipboard.readPrimary()).not.toBe(header);

  await app.page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect.poll(() => clipboard.read()).toBe('');
  await app.close();

  app = await served({ clipboard: 'system' });
  item = await addTogaiWithToken(app.page, togai);
  await copyButton(item).click();
  await expect(app.page.getByRole('status')).toHaveText(copiedAnnouncement('Togai'));
  await clipboard.write('my own notes');
  await app.close();
  expect(await clipboard.read()).toBe('my own notes');
});

test('where the machine has no clipboard, Copy says so and the token never reaches the page', async ({ togai }) => {
  const app = await served({ clipboard: 'system', env: { DISPLAY: '', WAYLAND_DISPLAY: '' } });
  const item = await addTogaiWithToken(app.page, togai);
  await copyButton(item).click();
  await expect(app.page.getByText(/Nothing copied: this machine has no clipboard Keymint can write \(no X display or Wayland session\)/)).toBeVisible();
  await expect(item).toContainText('Valid');
  await expectNoneCrossedIpc(app, togai.issued.map((issued) => issued.token));
});
