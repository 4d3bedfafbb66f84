import { startTogaiEmulator } from '../emulators';
import { callWithHeader, copyButton } from '../fixtures/board';
import { addTogaiWithToken, expect, test, TOGAI_API_KEY } from '../fixtures/togai-test';

const WATCH_MS = 60_000;

test('a provider issuing 20-second tokens, watched for a minute: a handful of requests, always Valid, every copied header accepted', async ({ launch }) => {
  test.setTimeout(WATCH_MS + 60_000);
  const togai = await startTogaiEmulator({ apiKey: TOGAI_API_KEY, lifetimeSeconds: 20 });
  try {
    const app = await launch();
    const item = await addTogaiWithToken(app.page, togai);
    // Renewal is planned ahead of expiry; the countdown is the row's, the plan its tooltip.
    await expect(item.locator('time')).toHaveText(/^0:00:[12]\d$/);

    const until = Date.now() + WATCH_MS;
    let copies = 0;
    while (Date.now() < until) {
      // Valid, or in its last seconds before the renewal lands: never Expired, never an error.
      await expect(item.locator('.row-status')).toHaveText(/(Valid|Expiring soon|Renewing)$/, { timeout: 1000 });
      await copyButton(item).click();
      await expect.poll(() => app.readClipboard(), { timeout: 2000 }).toMatch(/^Authorization: Bearer /);
      expect(await callWithHeader(`${togai.url}/protected`, await app.readClipboard())).toBe(200);
      copies += 1;
      await app.page.waitForTimeout(2000);
    }

    // One token, then one renewal every ~16 s: 4 or 5 requests in a minute, never a storm.
    expect(copies).toBeGreaterThan(15);
    expect(togai.tokenRequests).toBeGreaterThanOrEqual(4);
    expect(togai.tokenRequests).toBeLessThanOrEqual(6);
    await expect(item).toContainText(/renewed \d+ s ago/);
  } finally {
    await togai.close();
  }
});
