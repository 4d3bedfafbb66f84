import { afterEach, describe, expect, it } from 'vitest';
import { startHighlineEmulator, type HighlineEmulator } from '../../e2e/emulators';
import { openHarness, type Harness } from '../test-support/keymint-harness';

let highline: HighlineEmulator | undefined;
let app: Harness | undefined;

afterEach(async () => {
  app?.keymint.dispose();
  await highline?.close();
});

describe('tokens are renewed before they expire', () => {
  it('refreshes a Highline token once four fifths of its 15 minutes have passed, with the rotated refresh token', async () => {
    let now = Date.now();
    const timers: { at: number; run: () => void }[] = [];
    highline = await startHighlineEmulator({ apiKey: 'hl-auto-key', secret: 'hl-auto-secret', now: () => now });
    app = openHarness({ clock: { now: () => now }, schedule: (ms, run) => (timers.push({ at: now + ms, run }), () => undefined) });
    const { id } = await app.value<{ id: string }>('providers:create', {
      presetId: 'highline',
      name: 'Highline',
      baseUrl: highline.url,
      values: { apiKey: 'hl-auto-key', secret: 'hl-auto-secret' },
    });
    await app.value('tokens:generate', { id });
    const first = highline.issued.at(-1);
    const [listed] = await app.value<{ status: { renewal: { state: string; nextAt: string } } }[]>('providers:list');
    expect(listed?.status.renewal.state).toBe('scheduled');
    const renewAt = Date.parse(listed?.status.renewal.nextAt ?? '');
    // Highline's expiry is whole seconds, so the lifetime is a little under 15 min.
    const lifetime = (first?.expiresAt ?? 0) - now;
    expect(Math.abs(renewAt - (now + lifetime * 0.8))).toBeLessThan(1000);
    // The scheduler wakes at least once a minute; nothing is sent before the renewal is due.
    now = renewAt - 1000;
    timers.at(-1)?.run();
    expect(highline.tokenRequests).toBe(1);

    now = renewAt;
    timers.at(-1)?.run();
    await expect.poll(() => highline?.refreshCount).toBe(1);
    await expect.poll(async () => (await app?.value<{ status: { expiresAt: string } }[]>('providers:list'))?.[0]?.status.expiresAt).toBe(
      new Date(highline.issued.at(-1)?.expiresAt ?? 0).toISOString(),
    );
    await app.value('tokens:copy', { id });
    expect(app.clipboard.text).toBe(`Authorization: Bearer ${highline.issued.at(-1)?.token}`);
  });
});
