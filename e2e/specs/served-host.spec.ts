import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenOnLoopback } from '../emulators/listen-on-loopback';
import { launchBrowserHost, launchChromium } from '../fixtures/browser-host';
import type { LaunchedApp } from '../fixtures/launched-app';
import { writeRedirectFile } from '../../electron/serve/open-browser';
import { runServedToExit, START_SCRIPT, startServedProcess } from '../fixtures/served-process';
import { addTogai, expect, test } from '../fixtures/togai-test';
import { lockedBanner } from '../fixtures/vault-ui';

/**
 * The served host's refusals, in a real browser where a browser is what attacks: these run
 * against the served host whichever host the other specs use, since it ships either way.
 */

const opened: { close(): Promise<void> }[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((thing) => thing.close()));
});

/** A data folder of its own and a key file for the keychain, so no spec touches this machine's keyring. */
function isolated(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'keymint-e2e-served-'));
  return { KEYMINT_USER_DATA_DIR: dir, KEYMINT_KEYCHAIN_FILE: join(dir, 'keychain.key') };
}

async function servedApp(): Promise<LaunchedApp> {
  const app = await launchBrowserHost(mkdtempSync(join(tmpdir(), 'keymint-e2e-served-')));
  opened.push(app);
  return app;
}

/** Another site on this machine (http://localhost:PORT is a different site from http://127.0.0.1:PORT). */
async function attackerSite(html: string): Promise<string> {
  const server: Server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  const url = await listenOnLoopback(server, 'attacker site');
  opened.push({ close: () => new Promise<void>((done) => server.close(() => done())) });
  return url.replace('127.0.0.1', 'localhost');
}

test('without the link, the page is refused and no API is given to it', async () => {
  const served = await startServedProcess({ env: isolated() });
  opened.push({ close: () => served.stop() });
  const browser = await launchChromium();
  opened.push(browser);
  const page = await browser.newPage();
  const response = await page.goto(`${served.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Not signed in: open Keymint with the link printed in the terminal');
  expect(await page.evaluate(() => 'keymint' in globalThis)).toBe(false);
  expect((await page.goto(`${served.origin}/keymint-api.js`))?.status()).toBe(401);
});

test('a wrong token is refused; the printed link signs in once, and the cookie is out of reach of scripts', async () => {
  const served = await startServedProcess({ env: isolated() });
  opened.push({ close: () => served.stop() });
  const browser = await launchChromium();
  opened.push(browser);
  const page = await browser.newPage();
  const wrong = await page.goto(`${served.origin}/?token=not-the-token`);
  expect(wrong?.status()).toBe(403);
  await expect(page.locator('body')).toContainText('This sign-in link is not valid');

  await page.goto(served.signInUrl);
  expect(page.url()).toBe(`${served.origin}/`);
  await expect(page.getByRole('button', { name: 'Add provider' })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe('');
  const [cookie] = await page.context().cookies();
  expect(cookie).toMatchObject({ name: `keymint_session_${served.port}`, httpOnly: true, sameSite: 'Strict', path: '/' });

  const elsewhere = await (await browser.newContext()).newPage();
  expect((await elsewhere.goto(served.signInUrl))?.status()).toBe(403);
});

test('the link signs in when followed from elsewhere: the private redirect file the browser is opened with, or another site', async () => {
  const fromFile = await startServedProcess({ env: isolated() });
  const fromSite = await startServedProcess({ env: isolated() });
  opened.push({ close: () => fromFile.stop() }, { close: () => fromSite.stop() });
  const browser = await launchChromium();
  opened.push(browser);

  const redirect = writeRedirectFile(fromFile.signInUrl);
  opened.push({ close: async () => redirect.cleanup() });
  const page = await browser.newPage();
  await page.goto(`file://${redirect.file}`);
  await page.waitForURL(`${fromFile.origin}/`);
  await expect(page.getByRole('button', { name: 'Add provider' })).toBeVisible();

  const elsewhere = await attackerSite(`<!doctype html><a href="${fromSite.signInUrl}">the link, pasted in a chat</a>`);
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(elsewhere);
  await tab.getByRole('link').click();
  await tab.waitForURL(`${fromSite.origin}/`);
  await expect(tab.getByRole('button', { name: 'Add provider' })).toBeVisible();
});

test('another Host name that resolves to 127.0.0.1 (DNS rebinding) is refused, even with the real link', async () => {
  const served = await startServedProcess({ env: isolated() });
  opened.push({ close: () => served.stop() });
  const browser = await launchChromium(['--host-resolver-rules=MAP rebind.keymint.test 127.0.0.1']);
  opened.push(browser);
  const page = await browser.newPage();
  const rebound = await page.goto(served.signInUrl.replace('127.0.0.1', 'rebind.keymint.test'));
  expect(rebound?.status()).toBe(403);
  await expect(page.locator('body')).toContainText(`this Keymint answers only at ${served.origin}`);
  // The token was not spent on the refused request.
  expect((await page.goto(served.signInUrl))?.status()).toBe(200);
});

test('another site in the same browser cannot call the API: its fetch and its cross-site form POST are refused', async ({ togai }) => {
  const app = await servedApp();
  await addTogai(app.page, togai);
  await expect(app.page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  const api = `${app.served!.origin}/api/vault:lock`;
  // A text/plain form whose body is JSON: {"x":"="}; a lock needs no input, so accepted it would lock the vault.
  const attacker = await attackerSite(`<!doctype html>
    <form id="f" method="POST" action="${api}" enctype="text/plain"><input name='{"x":"' value='"}'></form>
    <script>
      window.corsResult = fetch(${JSON.stringify(api)}, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })
        .then((r) => 'answered ' + r.status, (e) => 'failed: ' + e.name);
      window.noCors = fetch(${JSON.stringify(api)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{}' })
        .then(() => 'settled', () => 'settled');
    </script>`);
  const tab = await app.page.context().newPage();
  await tab.goto(attacker);
  expect(await tab.evaluate(() => (globalThis as unknown as { corsResult: Promise<string> }).corsResult)).toBe('failed: TypeError');
  expect(await tab.evaluate(() => (globalThis as unknown as { noCors: Promise<string> }).noCors)).toBe('settled');
  const [posted] = await Promise.all([tab.waitForResponse(api), tab.locator('#f').evaluate((form) => (form as unknown as { submit(): void }).submit())]);
  expect(posted.status()).toBe(403);
  await expect(tab.locator('body')).toContainText('Refused: Keymint does not answer other sites.');

  await app.page.bringToFront();
  await expect(lockedBanner(app.page)).toBeHidden();
  await expect(app.page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  const refusals = app.served!.output().match(/served host refused (POST|OPTIONS) \/api\/vault:lock/g) ?? [];
  expect(refusals.length, app.served!.output()).toBeGreaterThanOrEqual(3);
});

test('it will not listen on an address other machines can reach', async () => {
  for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
    const { code, output } = await runServedToExit({ args: ['--host', host], env: isolated() });
    expect(code).toBe(2);
    expect(output).toContain(`refusing to listen on "${host}"`);
    expect(output).not.toContain('Keymint is running at');
  }
});

test('npm start without Electron’s binary says so in one line and starts the served host; a SIGTERM reaches it', async () => {
  // An empty folder where the electron package looks for its binary: as on a machine that could not download it.
  const env = { ...isolated(), ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'keymint-no-electron-')) };
  const started = await startServedProcess({ entry: START_SCRIPT, env });
  opened.push({ close: () => started.stop() });
  const lines = started.output().split('\n');
  expect(lines[0]).toBe("Electron's binary is not installed here, so Keymint runs as a local web app in your browser (`npx install-electron --no` installs the desktop app).");
  expect(lines.filter((line) => line.startsWith('Keymint is running at '))).toEqual([expect.stringMatching(/^Keymint is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/)]);
  const browser = await launchChromium();
  opened.push(browser);
  const page = await browser.newPage();
  await page.goto(started.signInUrl);
  await expect(page.getByRole('button', { name: 'Add provider' })).toBeVisible();
  await started.stop();
  expect(started.child.exitCode).toBe(0);
});
