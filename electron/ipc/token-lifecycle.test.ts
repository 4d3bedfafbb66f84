import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTogaiEmulator } from '../../e2e/emulators';
import { sendJson, startLocalServer } from '../test-support/local-server';
import { closeAfterEach } from '../test-support/node-ports';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';
import type { ProvidersChange } from '../../shared/ipc/contract';

const started = closeAfterEach();
const API_KEY = 'tg_lifecycle_Hq83nVw2';
const harness = harnessesDisposedAfterEach();

interface Listed {
  id: string;
  name: string;
  status: { state: string; expiresAt: string | null; lastError: { code: string; message: string } | null };
}

describe('the token lifecycle through IPC', () => {
  it('an error from a request in flight when the vault locks is never listed, and no secret appears', async () => {
    const held: { answer?: () => void } = {};
    // A hostile server that echoes the key it was sent, once the vault has locked.
    const server = await started(
      startLocalServer((req, res) => {
        held.answer = () => sendJson(res, 401, { message: `Key ${String(req.headers.authorization)} is not valid` });
      }),
    );
    const app = harness();
    await app.value('vault:setup', { method: 'passphrase', passphrase: 'lifecycle passphrase' });
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: server.url, values: { apiKey: API_KEY } });

    const inFlight = app.call('tokens:generate', { id });
    await expect.poll(() => held.answer).toBeDefined();
    await app.value('vault:lock');
    held.answer?.();
    await inFlight;

    const listed = await app.value<Listed[]>('providers:list');
    expect(listed[0]?.status).toMatchObject({ state: 'none', lastError: null });
    expect(JSON.stringify(listed)).not.toContain(API_KEY);
  });

  it('an absurd expiry stored in the data file shows on its own provider and never breaks the list, after a restart too', async () => {
    const togai = await started(startTogaiEmulator({ apiKey: API_KEY }));
    const app = harness();
    const create = (name: string) => app.value<{ id: string }>('providers:create', { presetId: 'togai', name, baseUrl: togai.url, values: { apiKey: API_KEY } });
    const broken = await create('Broken');
    const healthy = await create('Healthy');
    await app.value('tokens:generate', { id: broken.id });
    await app.value('tokens:generate', { id: healthy.id });
    await app.keymint.dispose();

    const cache = JSON.parse(readFileSync(app.tokensFile, 'utf8')) as { tokens: Record<string, { expiresAt: number; obtainedAt: number }> };
    const record = cache.tokens[broken.id];
    if (!record) throw new Error('no stored token');
    record.expiresAt = 1e300;
    writeFileSync(app.tokensFile, JSON.stringify(cache));

    for (const restarted of [harness({ dir: app.dir }), harness({ dir: app.dir })]) {
      await restarted.keymint.start();
      const listed = await restarted.value<Listed[]>('providers:list');
      expect(listed.map((p) => [p.name, p.status.state])).toEqual([
        ['Broken', 'error'],
        ['Healthy', 'valid'],
      ]);
      expect(listed[0]?.status.lastError).toMatchObject({ code: 'damaged', message: expect.stringMatching(/impossible expiry/) });
      expect(await restarted.call('tokens:copy', { id: healthy.id })).toMatchObject({ ok: true });
      restarted.keymint.dispose();
    }

    const mended = harness({ dir: app.dir });
    await mended.keymint.start();
    await mended.value('tokens:generate', { id: broken.id });
    const [fixed] = await mended.value<Listed[]>('providers:list');
    expect(fixed?.status).toMatchObject({ state: 'valid', lastError: null });
  });

  it('a provider moved to another server by hand in the data file never hands out the first server’s token', async () => {
    const first = await started(startTogaiEmulator({ apiKey: API_KEY }));
    const second = await started(startTogaiEmulator({ apiKey: API_KEY }));
    const app = harness();
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: first.url, values: { apiKey: API_KEY } });
    await app.value('tokens:generate', { id });
    const [fromFirst] = first.issued;
    await app.keymint.dispose();

    // Edited by hand: the server changed, the digest stored beside it left as it was.
    const document = JSON.parse(readFileSync(app.dataFile, 'utf8')) as { providers: { baseUrl: string; requestDigest?: string }[] };
    const [stored] = document.providers;
    if (!stored?.requestDigest) throw new Error('no stored digest');
    stored.baseUrl = second.url;
    writeFileSync(app.dataFile, JSON.stringify(document));

    const restarted = harness({ dir: app.dir });
    await restarted.keymint.start();
    // The first server's token is not this provider's any more: the copy asks the second for one.
    await restarted.value('tokens:copy', { id, format: 'raw' });
    expect(second.issued).toHaveLength(1);
    expect(restarted.clipboard.text).toBe(second.issued[0]?.token);
    expect(restarted.clipboard.text).not.toBe(fromFirst?.token);
    const [listed] = await restarted.value<Listed[]>('providers:list');
    expect(listed?.status.state).toBe('valid');
    await restarted.keymint.dispose();

    // The corrected digest was written: the next process reuses that token, asking nobody.
    const again = harness({ dir: app.dir });
    await again.keymint.start();
    await again.value('tokens:copy', { id, format: 'raw' });
    expect(again.clipboard.text).toBe(second.issued[0]?.token);
    expect(second.issued).toHaveLength(1);
    expect(first.issued).toHaveLength(1);
  });

  it('a custom recipe stored before header names were checked shows as broken on its own, and Edit mends it', async () => {
    const togai = await started(startTogaiEmulator({ apiKey: API_KEY }));
    const recipe = (headerName: string) =>
      JSON.stringify({
        name: 'Shop',
        fields: [{ key: 'apiKey', label: 'API key', secret: true }],
        request: { path: '/authenticate', auth: { type: 'bearer', token: '{{apiKey}}' } },
        response: { token: 'token' },
        header: { name: headerName, scheme: '' },
      });
    const app = harness();
    const shop = await app.value<{ id: string }>('providers:create', { presetId: 'custom', name: 'Shop', baseUrl: togai.url, recipe: recipe('X-Shop-Token'), values: { apiKey: API_KEY } });
    await app.value('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: togai.url, values: { apiKey: API_KEY } });
    app.keymint.dispose();
    const document = JSON.parse(readFileSync(app.dataFile, 'utf8')) as { providers: { id: string; recipe: string | null }[] };
    const stored = document.providers.find((p) => p.id === shop.id);
    if (!stored) throw new Error('no stored provider');
    stored.recipe = recipe('X Shop Token');
    writeFileSync(app.dataFile, JSON.stringify(document));

    const again = harness({ dir: app.dir });
    await again.keymint.start();
    const listed = await again.value<(Listed & { problem: string | null })[]>('providers:list');
    expect(listed.map((p) => [p.name, p.problem === null])).toEqual([
      ['Shop', false],
      ['Togai', true],
    ]);
    expect(listed[0]?.problem).toMatch(/cannot run as stored.*"X Shop Token" is not a valid header name.*Edit it/);

    await again.value('providers:update', { id: shop.id, recipe: recipe('X-Shop-Token'), values: { apiKey: API_KEY } });
    await again.value('tokens:generate', { id: shop.id });
    expect(await again.value('tokens:copy', { id: shop.id })).toEqual({ copied: true, headerName: 'X-Shop-Token', label: 'X-Shop-Token', clearsInSeconds: 60 });
    expect(again.clipboard.text).toBe(`X-Shop-Token: ${togai.issued.at(-1)?.token}`);
    expect(await again.value('tokens:copy', { id: shop.id, format: 'curl' })).toMatchObject({ label: 'curl -H option' });
    expect(again.clipboard.text).toBe(`-H 'X-Shop-Token: ${togai.issued.at(-1)?.token}'`);
  });

  it.each([
    ['an expiry before 1970', { expiresAt: -1e14 }],
    ['an obtained time after year 9999', { obtainedAt: 3e14, expiresAt: 3e14 + 1000 }],
  ])('a stored record with %s is damaged on its own provider; the list still answers', async (_name, times) => {
    const togai = await started(startTogaiEmulator({ apiKey: API_KEY }));
    const app = harness();
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: API_KEY } });
    await app.value('tokens:generate', { id });
    await app.keymint.dispose();
    const cache = JSON.parse(readFileSync(app.tokensFile, 'utf8')) as { tokens: Record<string, object> };
    cache.tokens[id] = { ...cache.tokens[id], ...times };
    writeFileSync(app.tokensFile, JSON.stringify(cache));

    const again = harness({ dir: app.dir });
    await again.keymint.start();
    const [listed] = await again.value<Listed[]>('providers:list');
    expect(listed?.status).toMatchObject({ state: 'error', lastError: { code: 'damaged' } });
  });

  it('the board is told when renewal pauses for a lock, and when a renewal starts', async () => {
    let now = Date.now();
    const timers: (() => void)[] = [];
    const togai = await started(startTogaiEmulator({ apiKey: API_KEY, now: () => now, lifetimeSeconds: 60 }));
    const app = harness({ clock: { now: () => now }, schedule: (_ms, run) => (timers.push(run), () => undefined) });
    const pushed: Listed[] = [];
    let stale = 0;
    app.keymint.setEventSink((event, payload) => {
      if (event !== 'providers:changed') return;
      const change = payload as ProvidersChange;
      if (change.kind === 'stale') stale += 1;
      else pushed.push(...(change.changed as unknown as Listed[]));
    });
    await app.value('vault:setup', { method: 'passphrase', passphrase: 'lifecycle passphrase' });
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: API_KEY } });
    await app.value('tokens:generate', { id });
    const renewal = () => (pushed.findLast((view) => view.id === id)?.status as unknown as { renewal: { state: string } } | undefined)?.renewal.state;

    now += 50_000;
    timers.at(-1)?.();
    // Changes are pushed once per turn of the event loop (from setImmediate), not one by one.
    await new Promise(setImmediate);
    expect(renewal()).toBe('renewing');
    await expect.poll(() => togai.tokenRequests).toBe(2);
    await expect.poll(renewal).toBe('scheduled');

    // Locking changes every provider: the page is told to list again, and finds renewal paused.
    const before = stale;
    await app.value('vault:lock');
    await new Promise(setImmediate);
    expect(stale).toBe(before + 1);
    const [listed] = await app.value<{ status: { renewal: { state: string } } }[]>('providers:list');
    expect(listed?.status.renewal.state).toBe('paused');
  });

  it("a granted scope that echoes a secret or the token is scrubbed before it is stored or shown", async () => {
    const secret = 'oauth-client-secret-Zr81';
    const server = await started(
      startLocalServer((_req, res) => sendJson(res, 200, { access_token: 'tok-abc123xyz789', token_type: 'Bearer', expires_in: 3600, scope: `read ${secret} tok-abc123xyz789` })),
    );
    const app = harness();
    const { id } = await app.value<{ id: string }>('providers:create', {
      presetId: 'oauth2-client-credentials',
      name: 'Echo',
      baseUrl: `${server.url}/token`,
      values: { clientId: 'client-1', clientSecret: secret, scope: 'read write' },
    });
    await app.value('tokens:generate', { id });
    const listed = await app.value<{ status: { scopeNote: string | null } }[]>('providers:list');
    expect(listed[0]?.status.scopeNote).toMatch(/^Granted scope "read \[redacted\] \[redacted\]" is narrower than requested "read write"\.$/);
    const file = readFileSync(app.dataFile, 'utf8');
    expect(file).not.toContain(secret);
    expect(file).not.toContain('tok-abc123xyz789');
  });
});
