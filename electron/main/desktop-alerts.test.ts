import { describe, expect, it } from 'vitest';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';
import { sendJson, startLocalServer } from '../test-support/local-server';
import { manualTime } from '../test-support/manual-time';
import { closeAfterEach } from '../test-support/node-ports';
import { alertNotifications, type Notice } from './alert-notifications';
import { globalShortcut, PALETTE_SHORTCUT } from './global-shortcut';
import { copyFromTray } from './tray-copy';
import { trayIconPngs } from './tray-icon';

const started = closeAfterEach();
const harness = harnessesDisposedAfterEach();
const SECRET = 'desktop-client-secret-Lm42';

/** A real core over real files, a token endpoint on loopback, and a clock moved by hand. */
async function desktop() {
  const state = { requests: 0, refuse: false };
  const server = await started(
    startLocalServer((_req, res) => {
      state.requests += 1;
      if (state.refuse) sendJson(res, 401, { error: 'invalid_client' });
      else sendJson(res, 200, { access_token: `tok-${state.requests}-desktopxyz`, token_type: 'Bearer', expires_in: 600 });
    }),
  );
  const time = manualTime();
  const app = harness({ clock: time.clock, schedule: time.schedule });
  const { id } = await app.value<{ id: string }>('providers:create', {
    presetId: 'oauth2-client-credentials',
    name: 'Billing',
    baseUrl: `${server.url}/token`,
    values: { clientId: 'client-1', clientSecret: SECRET },
  });
  await app.value('vault:set-auto-lock', { minutes: null });
  const shown: Notice[] = [];
  let opened = 0;
  app.keymint.core.subscribe(
    alertNotifications({
      enabled: () => app.keymint.core.settings.get().notifications,
      notify: (notice, onClick) => {
        shown.push(notice);
        onClick();
      },
      open: () => void (opened += 1),
    }),
  );
  return { app, id, time, state, shown, opened: () => opened };
}

const minutes = async (time: ReturnType<typeof manualTime>, count: number) => {
  for (let i = 0; i < count; i++) await time.advanceTo(time.clock.now() + 60_000);
};

describe('native notifications', () => {
  it('say once that renewal stopped for good, however many timer ticks follow, and open the window when clicked', async () => {
    const d = await desktop();
    await d.app.value('tokens:generate', { id: d.id });
    d.state.refuse = true;
    await minutes(d.time, 30);
    expect(d.state.requests).toBe(2);
    expect(d.shown).toEqual([{ title: 'Renewal stopped: Billing', body: 'Keymint gave up renewing this token. Open Keymint to see why.' }]);
    expect(d.opened()).toBe(1);
    expect(JSON.stringify(d.shown)).not.toMatch(/desktopxyz|Lm42/);
  });

  it('say once that a token expired with renewal off, and nothing at all while the setting is off', async () => {
    const d = await desktop();
    await d.app.value('providers:set-auto-renew', { id: d.id, enabled: false });
    await d.app.value('tokens:generate', { id: d.id });
    await minutes(d.time, 30);
    expect(d.shown).toEqual([{ title: 'Token expired: Billing', body: 'No new token replaced it. Open Keymint to generate one.' }]);

    await d.app.value('settings:update', { notifications: false });
    await d.app.value('tokens:generate', { id: d.id });
    await minutes(d.time, 30);
    expect(d.shown).toHaveLength(1);
  });
});

describe('copying from the tray', () => {
  it('copies the header through the core and says so, with when it clears', async () => {
    const d = await desktop();
    const told: Notice[] = [];
    await copyFromTray(d.app.keymint.core, d.id, { notify: (notice) => void told.push(notice), bringForward: () => undefined });
    expect(d.app.clipboard.text).toBe('Authorization: Bearer tok-1-desktopxyz');
    expect(told).toEqual([{ title: 'Copied Authorization header', body: "Billing's header is on the clipboard. It clears in 60 s." }]);
  });

  it('while locked copies nothing, says why and brings the window forward to unlock', async () => {
    const d = await desktop();
    await d.app.value('vault:lock');
    const told: Notice[] = [];
    let forward = 0;
    await copyFromTray(d.app.keymint.core, d.id, { notify: (notice) => void told.push(notice), bringForward: () => void (forward += 1) });
    expect(d.app.clipboard.text).toBe('');
    expect(told).toEqual([{ title: 'Nothing copied: Billing', body: 'The vault is locked. Unlock it first.' }]);
    expect(forward).toBe(1);
  });
});

describe('the global shortcut', () => {
  it('is registered exactly while the setting is on, and a taken combination is said once', () => {
    const registered = new Map<string, () => void>();
    let taken = false;
    const warnings: string[] = [];
    let pressed = 0;
    const sync = globalShortcut(
      {
        register: (accelerator, callback) => !taken && registered.set(accelerator, callback) !== undefined,
        unregister: (accelerator) => void registered.delete(accelerator),
      },
      () => void (pressed += 1),
      (message) => void warnings.push(message),
    );
    sync(false);
    expect(registered.size).toBe(0);
    sync(true);
    sync(true);
    registered.get(PALETTE_SHORTCUT)?.();
    expect(pressed).toBe(1);
    sync(false);
    expect(registered.size).toBe(0);
    taken = true;
    sync(true);
    expect(warnings).toEqual([expect.stringContaining('taken by another application')]);
  });
});

describe('the tray icon', () => {
  it('is a PNG at 16 and 32 px, drawn in memory', () => {
    const [one, two] = trayIconPngs();
    for (const [image, size] of [[one, 16], [two, 32]] as const) {
      expect(image?.png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(image?.png.readUInt32BE(16)).toBe(size);
    }
  });
});
