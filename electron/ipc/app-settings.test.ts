import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CoreChange, TokenAlert } from '../core';
import { DEFAULT_APP_SETTINGS } from '../../shared/ipc/app-settings';
import type { EventName } from '../../shared/ipc/contract';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';
import { sendJson, startLocalServer } from '../test-support/local-server';
import { manualTime } from '../test-support/manual-time';
import { closeAfterEach } from '../test-support/node-ports';

const started = closeAfterEach();
const harness = harnessesDisposedAfterEach();
const SECRET = 'settings-client-secret-Qw81';

/** An OAuth token endpoint whose tokens live `lifetimeSeconds`; `refuse` makes it answer 401 from then on. */
async function tokenServer(lifetimeSeconds: number) {
  const state = { requests: 0, refuse: false };
  const server = await started(
    startLocalServer((_req, res) => {
      state.requests += 1;
      if (state.refuse) sendJson(res, 401, { error: 'invalid_client' });
      else sendJson(res, 200, { access_token: `tok-${state.requests}-abcdefgh`, token_type: 'Bearer', expires_in: lifetimeSeconds });
    }),
  );
  return { url: `${server.url}/token`, state };
}

async function providerAt(app: ReturnType<typeof harness>, url: string, name = 'Billing') {
  return app.value<{ id: string }>('providers:create', {
    presetId: 'oauth2-client-credentials',
    name,
    baseUrl: url,
    values: { clientId: 'client-1', clientSecret: SECRET },
  });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('app settings', () => {
  it('start at their defaults and survive a restart, and the page is told when they change', async () => {
    const app = harness();
    expect(await app.value('settings:get')).toEqual({ ...DEFAULT_APP_SETTINGS, desktop: false });
    await app.value('vault:setup', { method: 'keychain' });
    const pushed: { event: EventName; payload: unknown }[] = [];
    app.keymint.setEventSink((event, payload) => void pushed.push({ event, payload }));
    const changed = { theme: 'dark', clipboardClearSeconds: 0, notifications: false, globalShortcut: true } as const;
    expect(await app.value('settings:update', changed)).toEqual({ ...changed, desktop: false });
    expect(pushed).toContainEqual({ event: 'settings:changed', payload: { ...changed, desktop: false } });
    // Auto-lock lives beside them in the same document and is left as it was.
    expect(await app.value('vault:status')).toMatchObject({ autoLockMinutes: 15 });
    await app.keymint.dispose();

    const restarted = harness({ dir: app.dir });
    await restarted.keymint.start();
    expect(await restarted.value('settings:get')).toEqual({ ...changed, desktop: false });
    // Readable while locked (the lock screen has its theme), but not changed then.
    await restarted.value('vault:lock');
    expect(await restarted.value('settings:get')).toMatchObject({ theme: 'dark' });
    expect(await restarted.call('settings:update', { theme: 'light' })).toMatchObject({ ok: false, code: 'locked' });
  });

  it('changed by another Keymint process on the vault, reach this one and its page', async () => {
    const first = harness();
    const second = harness({ dir: first.dir });
    const pushed: unknown[] = [];
    second.keymint.setEventSink((event, payload) => {
      if (event === 'settings:changed') pushed.push(payload);
    });
    await first.value('settings:update', { theme: 'dark', clipboardClearSeconds: 15 });
    await expect.poll(() => second.value('settings:get')).toMatchObject({ theme: 'dark', clipboardClearSeconds: 15 });
    await expect.poll(() => pushed).toContainEqual(expect.objectContaining({ theme: 'dark' }));
  });

  it('refuse values out of bounds, and a stored value this version does not accept reads as its default', async () => {
    const app = harness();
    expect(await app.call('settings:update', { clipboardClearSeconds: 3601 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await app.call('settings:update', { theme: 'sepia' })).toMatchObject({ ok: false, code: 'invalid-input' });
    await app.value('settings:update', { theme: 'light' });
    // A hand edit (or a later version) stores a delay this version refuses.
    const document = JSON.parse(readFileSync(app.dataFile, 'utf8')) as { settings: Record<string, unknown> };
    document.settings.clipboardClearSeconds = -5;
    writeFileSync(app.dataFile, JSON.stringify(document));
    await app.keymint.dispose();
    const restarted = harness({ dir: app.dir });
    expect(await restarted.value('settings:get')).toMatchObject({ theme: 'light', clipboardClearSeconds: 60 });
  });
});

describe('the clipboard clearing delay', () => {
  it('is the setting read at each copy: 60 s by default, a short one when set, never when 0', async () => {
    const time = manualTime();
    const server = await tokenServer(3600);
    const app = harness({ clock: time.clock, schedule: time.schedule });
    const { id } = await providerAt(app, server.url);
    await app.value('tokens:generate', { id });
    // Auto-lock would clear the clipboard on its own within the long waits below.
    await app.value('vault:set-auto-lock', { minutes: null });

    expect(await app.value('tokens:copy', { id })).toMatchObject({ clearsInSeconds: 60 });
    const header = app.clipboard.text;
    expect(header).toBe('Authorization: Bearer tok-1-abcdefgh');
    await time.advanceTo(time.clock.now() + 59_000);
    expect(app.clipboard.text).toBe(header);
    await time.advanceTo(time.clock.now() + 1_000);
    await expect.poll(() => app.clipboard.text).toBe('');

    await app.value('settings:update', { clipboardClearSeconds: 5 });
    expect(await app.value('tokens:copy', { id })).toMatchObject({ clearsInSeconds: 5 });
    await time.advanceTo(time.clock.now() + 5_000);
    await expect.poll(() => app.clipboard.text).toBe('');

    await app.value('settings:update', { clipboardClearSeconds: 0 });
    expect(await app.value('tokens:copy', { id, format: 'raw' })).toMatchObject({ clearsInSeconds: null });
    await time.advanceTo(time.clock.now() + 3_000_000);
    expect(app.clipboard.text).toBe('tok-1-abcdefgh');
    // Locking still takes it off the clipboard.
    await app.value('vault:lock');
    await expect.poll(() => app.clipboard.text).toBe('');
  });
});

describe('automatic renewal per provider', () => {
  it('off: nothing is requested by itself, the view says so, and turning it on plans the renewal again', async () => {
    const time = manualTime();
    const server = await tokenServer(600);
    const app = harness({ clock: time.clock, schedule: time.schedule });
    const { id } = await providerAt(app, server.url);
    await app.value('tokens:generate', { id });
    const off = await app.value<{ autoRenew: boolean; status: { renewal: { state: string } } }>('providers:set-auto-renew', { id, enabled: false });
    expect(off.autoRenew).toBe(false);
    expect(off.status.renewal.state).toBe('off');

    // Past the renewal point (80 %) and past expiry: no request but the user's.
    await time.advanceTo(time.clock.now() + 700_000);
    expect(server.state.requests).toBe(1);
    // The setting is stored: after a restart it still holds, and the token stays (the request did not change).
    await app.keymint.dispose();
    const restarted = harness({ dir: app.dir, clock: time.clock, schedule: time.schedule });
    await restarted.keymint.start();
    await restarted.value('tokens:generate', { id });
    await time.advanceTo(time.clock.now() + 700_000);
    expect(server.state.requests).toBe(2);

    await restarted.value('tokens:generate', { id });
    const on = await restarted.value<{ autoRenew: boolean; status: { renewal: { state: string } } }>('providers:set-auto-renew', { id, enabled: true });
    expect(on).toMatchObject({ autoRenew: true, status: { renewal: { state: 'scheduled' } } });
    await time.advanceTo(time.clock.now() + 500_000);
    await expect.poll(() => server.state.requests).toBe(4);
  });
});

describe('alerts for a host that notifies', () => {
  function alertsOf(app: ReturnType<typeof harness>): TokenAlert[] {
    const alerts: TokenAlert[] = [];
    app.keymint.core.subscribe((change: CoreChange) => {
      if (change.kind === 'alert') alerts.push(change.alert);
    });
    return alerts;
  }

  it('a renewal that gave up is told once, not again when that token then runs out nor on later timer ticks', async () => {
    const time = manualTime();
    const server = await tokenServer(600);
    const app = harness({ clock: time.clock, schedule: time.schedule });
    const alerts = alertsOf(app);
    const { id } = await providerAt(app, server.url);
    await app.value('tokens:generate', { id });
    server.state.refuse = true;
    await time.advanceTo(time.clock.now() + 500_000);
    await expect.poll(() => server.state.requests).toBe(2);
    await settle();
    expect(alerts).toEqual([{ kind: 'renewal-stopped', providerId: id, providerName: 'Billing' }]);
    for (let minute = 0; minute < 10; minute++) await time.advanceTo(time.clock.now() + 60_000);
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts)).not.toContain(SECRET);
  });

  it('a token that runs out with nothing renewing it is told once; a user’s failed click is not an alert', async () => {
    const time = manualTime();
    const server = await tokenServer(600);
    const app = harness({ clock: time.clock, schedule: time.schedule });
    const alerts = alertsOf(app);
    const { id } = await providerAt(app, server.url, 'Payments');
    await app.value('tokens:generate', { id });
    await app.value('vault:set-auto-lock', { minutes: null });
    await app.value('providers:set-auto-renew', { id, enabled: false });
    await time.advanceTo(time.clock.now() + 599_000);
    expect(alerts).toEqual([]);
    await time.advanceTo(time.clock.now() + 60_000);
    expect(alerts).toEqual([{ kind: 'expired', providerId: id, providerName: 'Payments' }]);
    for (let minute = 0; minute < 10; minute++) await time.advanceTo(time.clock.now() + 60_000);
    expect(alerts).toHaveLength(1);

    server.state.refuse = true;
    await app.value('providers:set-auto-renew', { id, enabled: true });
    await app.value('tokens:generate', { id });
    await settle();
    expect(alerts).toHaveLength(1);
  });
});
