import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { startFaultProxy, startTogaiEmulator } from '../emulators';
import { addProvider, callWithHeader, chooseFromMenu, copiedAnnouncement, copyButton, providerItem, shownExpiry } from '../fixtures/board';
import { addTogaiWithToken, expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';

/** Asynchronous: the emulator answering curl runs in this process and must not be blocked. */
async function shell(script: string): Promise<string> {
  const { stdout } = await promisify(execFile)('sh', ['-c', script], { encoding: 'utf8' });
  return stdout;
}

/** The providers' names in the order the board shows them. */
function shownNames(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Providers' }).getByRole('heading', { level: 3 }).allTextContents();
}

/** Waits until the clipboard holds something other than `before`, and returns it. */
async function nextClipboard(read: () => Promise<string>, before: string): Promise<string> {
  await expect.poll(read).not.toBe(before);
  return read();
}

test('search, the status filter and the sort find a provider among several; the summary counts them', async ({ togai, launch }) => {
  const app = await launch();
  const { page } = app;
  const billing = await addProvider(page, { preset: 'Togai', name: 'Billing', baseUrl: togai.url, fields: { 'API key': TOGAI_API_KEY } });
  await chooseFromMenu(billing, 'Generate');
  await expect(billing).toContainText('Valid');
  const reports = await addProvider(page, { preset: 'Togai', name: 'Zeta reports', baseUrl: togai.url, fields: { 'API key': 'wrong-key-000' } });
  await chooseFromMenu(reports, 'Generate');
  await expect(reports).toContainText('Error');
  await addProvider(page, { preset: 'Togai', name: 'Analytics', baseUrl: togai.url, fields: { 'API key': TOGAI_API_KEY } });

  const board = page.getByRole('region', { name: 'Providers' });
  await expect(board).toContainText('3 providers: 1 valid · 0 expiring · 1 failing · 0 needing a key');
  expect(await shownNames(page)).toEqual(['Analytics', 'Billing', 'Zeta reports']);

  await page.getByLabel('Sort by').selectOption({ label: 'Status, errors first' });
  await expect.poll(() => shownNames(page)).toEqual(['Zeta reports', 'Analytics', 'Billing']);
  await page.getByLabel('Sort by').selectOption({ label: 'Soonest expiry' });
  await expect.poll(() => shownNames(page)).toEqual(['Billing', 'Analytics', 'Zeta reports']);

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Failing' });
  await expect.poll(() => shownNames(page)).toEqual(['Zeta reports']);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All' });

  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: 'Search providers' });
  await expect(search).toBeFocused();
  await page.keyboard.type('bill');
  await expect.poll(() => shownNames(page)).toEqual(['Billing']);
  await search.fill('nothing like it');
  await expect(board).toContainText('No provider matches “nothing like it”.');
});

test('keyboard only: Tab reaches the rows, arrows move between them, Enter copies the row’s header, Ctrl+N adds', async ({ togai, launch }) => {
  const app = await launch();
  const { page } = app;
  for (const name of ['Alpha', 'Beta']) {
    const item = await addProvider(page, { preset: 'Togai', name, baseUrl: togai.url, fields: { 'API key': TOGAI_API_KEY } });
    await chooseFromMenu(item, 'Generate');
    await expect(item).toContainText('Valid');
  }
  const alpha = providerItem(page, 'Alpha');
  const beta = providerItem(page, 'Beta');

  // Past the search, the filter and the sort, Tab lands on the row used last (Beta's menu was).
  await page.keyboard.press('Control+f');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(beta).toBeFocused();
  // One row in the Tab order: its Copy button and menu come next, then the list is left behind.
  await page.keyboard.press('Tab');
  await expect(copyButton(beta)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(beta).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(alpha).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(beta).toBeFocused();
  await page.keyboard.press('Home');
  await expect(alpha).toBeFocused();
  await page.keyboard.press('End');
  await expect(beta).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(beta).toContainText('Copied ✓ — clears in 60 s');
  await expect(page.getByRole('status')).toHaveText(copiedAnnouncement('Beta'));
  await expect(beta).toBeFocused();
  const betaToken = togai.issued.at(-1)?.token;
  expect(await app.readClipboard()).toBe(`Authorization: Bearer ${betaToken}`);

  // Ctrl+N adds; Escape on an untouched form closes it, on a changed one asks first.
  await page.keyboard.press('Control+n');
  const form = page.getByRole('dialog', { name: 'Add provider' });
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await page.keyboard.press('Control+n');
  await form.getByLabel('Name', { exact: true }).fill('Half typed');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Half typed');
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('listitem')).toHaveCount(2);
});

test('Copy and Copy as…: the header, the raw token, a curl -H option and a shell export each work against the API', async ({ togai, launch }) => {
  const app = await launch();
  const item = await addTogaiWithToken(app.page, togai);
  const token = togai.issued.at(-1)?.token ?? '';
  const protectedUrl = `${togai.url}/protected`;

  const copy = copyButton(item);
  await copy.click();
  await expect(copy).toBeFocused();
  await expect(item).toContainText('Copied ✓ — clears in 60 s');
  await expect(app.page.getByRole('status')).toHaveText(copiedAnnouncement('Togai'));
  const header = await app.readClipboard();
  expect(header).toBe(`Authorization: Bearer ${token}`);
  expect(await callWithHeader(protectedUrl, header)).toBe(200);

  await chooseFromMenu(item, 'Raw token');
  const raw = await nextClipboard(app.readClipboard, header);
  expect(raw).toBe(token);
  await expect(app.page.getByRole('status')).toHaveText(copiedAnnouncement('Togai', 'raw token'));
  expect(await callWithHeader(protectedUrl, `Authorization: Bearer ${raw}`)).toBe(200);

  await chooseFromMenu(item, 'Curl -H option');
  const curlOption = await nextClipboard(app.readClipboard, raw);
  expect(curlOption).toBe(`-H 'Authorization: Bearer ${token}'`);
  if (spawnSync('curl', ['--version']).status === 0) {
    const status = await shell(`curl -s -o /dev/null -w '%{http_code}' ${curlOption} '${protectedUrl}'`);
    expect(status, 'curl with the copied option').toBe('200');
  } else {
    console.log('[e2e] curl is not installed: the copied -H option is checked as text and through the shell below, not run by curl');
    const word = await shell(`set -- ${curlOption}; printf %s "$2"`);
    expect(await callWithHeader(protectedUrl, word)).toBe(200);
  }

  await chooseFromMenu(item, 'Shell export');
  const exportLine = await nextClipboard(app.readClipboard, curlOption);
  expect(exportLine).toBe(`export TOGAI_TOKEN='${token}'`);
  const fromShell = await shell(`${exportLine}\nprintf %s "$TOGAI_TOKEN"`);
  expect(fromShell).toBe(token);
  expect(await callWithHeader(protectedUrl, `Authorization: Bearer ${fromShell}`)).toBe(200);
});

/** Collects every status word a row shows, as a user watching it would see them go by. */
const WATCH_STATUS_WORDS = `(() => {
  window.__statusWords = new Set();
  const note = () => document.querySelectorAll('.row-status').forEach((el) => window.__statusWords.add(el.textContent.slice(1)));
  note();
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/**
 * What a row's countdown says and what is drawn for it, read together in one turn of the page:
 * its words, and the ink on the countdown canvases in the row's band: how many pixels, a digest
 * of where (different digits, different places), and how far the ink stays from each edge of the
 * slot, in CSS pixels (negative: outside it). A page script, as the spec runs in Node.
 */
const countdownInk = (rowId: string) => `(() => {
  const row = document.querySelector('[data-row-id="${rowId}"]');
  const slot = row.querySelector('canvas.countdown-slot');
  const box = slot.getBoundingClientRect();
  const band = row.getBoundingClientRect();
  const ink = { words: slot.textContent, pixels: 0, places: 0, left: Infinity, right: Infinity, top: Infinity, bottom: Infinity };
  for (const canvas of document.querySelectorAll('.countdown-layer canvas')) {
    const area = canvas.getBoundingClientRect();
    const scale = canvas.width / area.width;
    const top = Math.max(area.top, band.top);
    const bottom = Math.min(area.bottom, band.bottom);
    if (bottom <= top) continue;
    const { data, width } = canvas.getContext('2d').getImageData(0, Math.round((top - area.top) * scale), canvas.width, Math.round((bottom - top) * scale));
    for (let i = 3; i < data.length; i += 4) {
      if (data[i] === 0) continue;
      const pixel = (i - 3) / 4;
      const x = area.left + (pixel % width) / scale;
      const y = top + Math.floor(pixel / width) / scale;
      ink.pixels++;
      ink.places = (ink.places * 31 + i) | 0;
      ink.left = Math.min(ink.left, x - box.left);
      ink.right = Math.min(ink.right, box.right - (x + 1 / scale));
      ink.top = Math.min(ink.top, y - box.top);
      ink.bottom = Math.min(ink.bottom, box.bottom - (y + 1 / scale));
    }
  }
  return ink;
})()`;

interface CountdownInk {
  words: string;
  pixels: number;
  places: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Drawn on its slot: the text spans it (the slot is as wide as the text), inside its line box. */
function expectOnSlot(ink: CountdownInk): void {
  expect(ink.pixels, 'the countdown is drawn where the row keeps its place').toBeGreaterThan(30);
  const spans = `ink from ${ink.left} px inside the slot's left edge to ${ink.right} px inside its right`;
  for (const gap of [ink.left, ink.right]) expect(gap >= 0 && gap <= 2, spans).toBe(true);
  expect(ink.top, 'the digits clear the top of the line').toBeGreaterThan(0);
  expect(ink.bottom, 'and its bottom').toBeGreaterThan(0);
}

test('the countdown the user sees is painted over its place in the row, moves as its words do, and is read as text', async ({ togai, launch }) => {
  const app = await launch();
  const item = await addTogaiWithToken(app.page, togai);
  const words = item.locator('time');
  await expect(words).toHaveText(/^23:59:\d\d$/);
  const read = async () => (await app.page.evaluate(countdownInk((await item.getAttribute('data-row-id')) ?? ''))) as CountdownInk;

  const before = await read();
  expect(before.words).toMatch(/^23:59:\d\d$/);
  expectOnSlot(before);
  await expect(words).not.toHaveText(before.words);
  const after = await read();
  expectOnSlot(after);
  expect(after.places, `a new second (${before.words} → ${after.words}), new digits drawn`).not.toBe(before.places);

  // What a screen reader gets: the words as text in the page's accessibility tree.
  const cdp = await app.page.context().newCDPSession(app.page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
  const spoken = nodes.filter((node) => !node.ignored && node.role?.value === 'StaticText' && /^23:59:\d\d$/.test(node.name?.value ?? ''));
  expect(spoken, 'the countdown is text to assistive technology').toHaveLength(1);
});

test('a 20-second token: the user sees it renew on its own, the countdown starting again, and never sees it lapse', async ({ launch }) => {
  test.setTimeout(90_000);
  const togai = await startTogaiEmulator({ apiKey: TOGAI_API_KEY, lifetimeSeconds: 20 });
  try {
    const app = await launch();
    const item = await addProvider(app.page, { preset: 'Togai', name: 'Togai', baseUrl: togai.url, fields: { 'API key': TOGAI_API_KEY } });
    await chooseFromMenu(item, 'Generate');
    await expect(item).toContainText('Valid');
    await expect(item.locator('time')).toHaveText(/^0:00:[12]\d$/);
    await app.page.evaluate(WATCH_STATUS_WORDS);

    for (let renewal = 0; renewal < 2; renewal++) {
      const before = await shownExpiry(item);
      await expect.poll(() => shownExpiry(item), { timeout: 25_000 }).toBeGreaterThan(before);
      await expect(item).toContainText(/renewed \d+ s ago/);
      await expect(item.locator('time')).toHaveText(/^0:00:[12]\d$/);
    }
    const seen = (await app.page.evaluate('Array.from(window.__statusWords)')) as string[];
    expect(seen, 'the token never lapsed while it renewed').not.toContain('Expired');
    expect(togai.tokenRequests).toBe(3);
  } finally {
    await togai.close();
  }
});

test('a provider failing at renewal time: the row says Retrying in N s, then renewed once it answers again', async ({ launch }) => {
  test.setTimeout(120_000);
  // 40-second tokens: renewal comes with 8 s left, room for a retry 5 s later.
  const togai = await startTogaiEmulator({ apiKey: TOGAI_API_KEY, lifetimeSeconds: 40 });
  const proxy = await startFaultProxy(togai.url);
  try {
    const app = await launch();
    const item = await addProvider(app.page, { preset: 'Togai', name: 'Togai', baseUrl: proxy.url, fields: { 'API key': TOGAI_API_KEY } });
    await chooseFromMenu(item, 'Generate');
    await expect(item).toContainText('Valid');
    await app.page.evaluate(WATCH_STATUS_WORDS);

    proxy.arm({ kind: 'reply', status: 503, headers: { 'Content-Type': 'application/json' }, body: '{"message":"busy"}' });
    await expect(item).toContainText(/Retrying in \d+ s/, { timeout: 40_000 });
    await expect(item).toContainText('Last renewal failed');
    const before = await shownExpiry(item);
    proxy.disarm();
    await expect.poll(() => shownExpiry(item), { timeout: 20_000 }).toBeGreaterThan(before);
    await expect(item).toContainText(/renewed \d+ s ago/);
    await expect(item).not.toContainText('Last renewal failed');

    const seen = (await app.page.evaluate('Array.from(window.__statusWords)')) as string[];
    expect(seen.some((word) => /^Retrying in \d+ s$/.test(word)), `status words seen: ${seen.join(', ')}`).toBe(true);
    expect(seen).not.toContain('Expired');
  } finally {
    await proxy.close();
    await togai.close();
  }
});
