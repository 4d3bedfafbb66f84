import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startTogaiEmulator } from '../../e2e/emulators';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import type { ProviderView } from '../../shared/ipc/provider-view';
import { NO_TOKEN } from '../../shared/tokens/token-status';
import { AppError } from '../core/app-error';
import { SecretRegistry } from '../core/redaction/secret-registry';
import { closeAfterEach, CollectingLog, FakeClipboard, MemoryStore, recordingSleep, webFetch } from '../test-support/node-ports';
import { VaultError } from '../core/vault';
import { createMemoryKeychain } from '../test-support/memory-keychain';
import { TEST_KDF } from '../test-support/vault-helpers';
import { createKeymint } from './create-keymint';
import { createRouter, type Handlers } from './router';
import { trustOnly, type IpcSender } from './sender';

const started = closeAfterEach();
const PAGE = pathToFileURL('/opt/keymint/dist/renderer/index.html').href;
const ourPage: IpcSender = { url: PAGE, isMainFrame: true };
const API_KEY = 'tg_live_router_9Qm2Xv7Lp';

/** The real composition over Node ports, with the router our window would get. */
async function keymintApp() {
  const emulator = await started(startTogaiEmulator({ apiKey: API_KEY }));
  const store = new MemoryStore();
  const clipboard = new FakeClipboard();
  const log = new CollectingLog();
  const keymint = createKeymint({
    store,
    keychain: createMemoryKeychain(),
    fetch: webFetch,
    clipboard,
    saveFile: async () => null,
    clock: { now: () => Date.now() },
    sleep: recordingSleep().sleep,
    log,
    kdf: TEST_KDF,
    askOwner: async () => true,
  });
  const events: unknown[] = [];
  keymint.setEventSink((event, payload) => events.push({ event, payload }));
  const route = keymint.router(trustOnly(PAGE));
  const togai = { presetId: 'togai', name: 'Togai', baseUrl: emulator.url, values: { apiKey: API_KEY } };
  const list = async () => ((await route(ourPage, 'providers:list', undefined)) as { ok: true; value: ProviderView[] }).value;
  return { emulator, store, clipboard, log, events, route, togai, list, dispose: () => keymint.dispose() };
}

/** Handlers for createRouter that record calls; any channel not given fails the test if reached. */
function recordingHandlers(given: Partial<Handlers>): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const entries = CHANNEL_NAMES.map((name) => {
    const handler = given[name] as ((input: unknown) => unknown) | undefined;
    return [
      name,
      (input: unknown) => {
        calls.push(name);
        if (!handler) throw new Error(`handler ${name} was not expected to run`);
        return handler(input);
      },
    ];
  });
  return { handlers: Object.fromEntries(entries) as Handlers, calls };
}

function viewOf(overrides: Partial<ProviderView> = {}): ProviderView {
  return {
    id: 'p1',
    name: 'Togai',
    presetId: 'togai',
    baseUrl: 'https://api.togai.com',
    customHost: null,
    values: {},
    secretsSet: { apiKey: true },
    missing: [],
    problem: null,
    autoRenew: true,
    recipe: null,
    settings: {},
    header: { name: 'Authorization', scheme: 'Bearer' },
    status: NO_TOKEN,
    ...overrides,
  };
}

describe('router through the real composition', () => {
  it('creates a provider and returns a view without the secret', async () => {
    const app = await keymintApp();
    const created = await app.route(ourPage, 'providers:create', app.togai);
    expect(created).toMatchObject({ ok: true, value: { name: 'Togai', presetId: 'togai', secretsSet: { apiKey: true }, values: {} } });
    expect(JSON.stringify(created)).not.toContain(API_KEY);
    expect(await app.list()).toHaveLength(1);
    app.dispose();
  });

  it('a bad payload is refused naming the fields, and nothing changes', async () => {
    const app = await keymintApp();
    await app.route(ourPage, 'providers:create', app.togai);
    const writes = app.store.writes;
    const before = await app.list();

    const result = await app.route(ourPage, 'providers:create', { ...app.togai, name: '  ', values: { apiKey: 42 } });
    expect(result).toEqual({ ok: false, code: 'invalid-input', message: expect.stringContaining('name: Name is required') });
    expect(result).toMatchObject({ message: expect.stringMatching(/values\.apiKey: .*expected string/) });

    expect(await app.route(ourPage, 'providers:create', { ...app.togai, presetId: 'stripe' })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^presetId: /),
    });
    expect(await app.route(ourPage, 'tokens:generate', { id: '' })).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^id: /) });
    expect(await app.route(ourPage, 'providers:remove', undefined)).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^input: /) });
    expect(await app.route(ourPage, 'providers:list', { all: true })).toMatchObject({ code: 'invalid-input' });

    expect(app.store.writes).toBe(writes);
    expect(await app.list()).toEqual(before);
    expect(app.emulator.tokenRequests).toBe(0);
    app.dispose();
  });

  it('values the recipe refuses are invalid input too, and nothing is stored', async () => {
    const app = await keymintApp();
    await app.route(ourPage, 'providers:create', app.togai);
    const writes = app.store.writes;
    const result = await app.route(ourPage, 'providers:create', { ...app.togai, values: { apiKey: '', region: 'eu' } });
    expect(result).toEqual({ ok: false, code: 'invalid-input', message: '"region" is not a field of Togai. API key is required.' });
    expect(app.store.writes).toBe(writes);
    expect(await app.list()).toHaveLength(1);
    app.dispose();
  });

  it.each(['providers:nuke', '__proto__', 'toString', 'constructor', 'keymint:providers:list', ''])(
    'an unknown channel %j is refused',
    async (channel) => {
      const app = await keymintApp();
      const result = await app.route(ourPage, channel, undefined);
      expect(result).toMatchObject({ ok: false, code: 'unknown-channel' });
      expect(app.store.writes).toBe(0);
      app.dispose();
    },
  );

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['another local file', { url: pathToFileURL('/tmp/evil.html').href, isMainFrame: true }],
    ['our page in an iframe', { url: PAGE, isMainFrame: false }],
    ['an unparsable URL', { url: 'not a url', isMainFrame: true }],
  ])('a foreign sender (%s) is forbidden and nothing runs', async (_, sender) => {
    const app = await keymintApp();
    expect(await app.route(sender, 'providers:create', app.togai)).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'This window may not talk to Keymint.',
    });
    expect(await app.route(sender, 'providers:list', undefined)).toMatchObject({ code: 'forbidden' });
    expect(await app.route(sender, 'no:such-channel', undefined)).toMatchObject({ code: 'forbidden' });
    expect(app.store.writes).toBe(0);
    expect(await app.list()).toEqual([]);

    const created = (await app.route(ourPage, 'providers:create', app.togai)) as { ok: true; value: ProviderView };
    expect(await app.route(sender, 'tokens:copy', { id: created.value.id })).toMatchObject({ code: 'forbidden' });
    expect(app.clipboard.written).toEqual([]);
    expect(app.emulator.tokenRequests).toBe(0);
    app.dispose();
  });

  it('generate and copy never send the token or the key to the renderer, not even in events', async () => {
    const app = await keymintApp();
    const created = (await app.route(ourPage, 'providers:create', app.togai)) as { ok: true; value: ProviderView };
    const generated = await app.route(ourPage, 'tokens:generate', { id: created.value.id });
    expect(generated).toMatchObject({ ok: true, value: { status: { state: 'valid', expirySource: 'JWT exp' } } });
    const copied = await app.route(ourPage, 'tokens:copy', { id: created.value.id });
    expect(copied).toEqual({ ok: true, value: { copied: true, headerName: 'Authorization', label: 'Authorization', clearsInSeconds: 60 } });

    const token = app.emulator.issued.at(-1)?.token ?? '';
    expect(app.clipboard.written).toEqual([`Authorization: Bearer ${token}`]);
    const toRenderer = JSON.stringify([generated, copied, app.events]);
    expect(app.events.length).toBeGreaterThan(0);
    expect(toRenderer).not.toContain(token);
    expect(toRenderer).not.toContain(token.split('.')[2]);
    expect(toRenderer).not.toContain(API_KEY);
    app.dispose();
  });

  it('a provider error echoing the key reaches the renderer redacted', async () => {
    const app = await keymintApp();
    const created = (await app.route(ourPage, 'providers:create', app.togai)) as { ok: true; value: ProviderView };
    app.emulator.failNext(401, { message: `API key ${API_KEY} was revoked` });
    const copied = await app.route(ourPage, 'tokens:copy', { id: created.value.id });
    expect(copied).toEqual({
      ok: false,
      code: 'token-unavailable',
      message: 'Nothing copied: Togai said: "API key [redacted] was revoked" (HTTP 401). Check the key and secret.',
    });
    expect(JSON.stringify(app.events)).not.toContain(API_KEY);
    app.dispose();
  });

  it('a locked vault answers "locked" and sends no request', async () => {
    const app = await keymintApp();
    const created = (await app.route(ourPage, 'providers:create', app.togai)) as { ok: true; value: ProviderView };
    expect(await app.route(ourPage, 'vault:lock', undefined)).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await app.route(ourPage, 'tokens:generate', { id: created.value.id })).toMatchObject({ ok: false, code: 'locked' });
    expect(app.emulator.tokenRequests).toBe(0);
    expect(await app.list()).toHaveLength(1);
    app.dispose();
  });
});

describe('createRouter', () => {
  const secrets = new SecretRegistry();
  const SECRET = 'sk_live_7fQ2m9Zr4Kx1';
  secrets.add(SECRET);

  function router(given: Partial<Handlers>, trusted = true) {
    const log = new CollectingLog();
    const { handlers, calls } = recordingHandlers(given);
    const route = createRouter({ handlers, isTrustedSender: () => trusted, redact: (t) => secrets.redact(t), log });
    return { route, calls, log };
  }

  it('a forbidden sender never reaches the handler', async () => {
    const { route, calls } = router({ 'providers:list': () => [] }, false);
    expect(await route(ourPage, 'providers:list', undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(calls).toEqual([]);
  });

  it('invalid input never reaches the handler', async () => {
    const { route, calls } = router({ 'providers:remove': () => null });
    expect(await route(ourPage, 'providers:remove', { id: 7 })).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringMatching(/^id: /) });
    expect(calls).toEqual([]);
  });

  it('hands the handler the parsed input (trimmed, unknown keys dropped)', async () => {
    const seen: unknown[] = [];
    const { route } = router({
      'providers:update': (input) => {
        seen.push(input);
        return viewOf();
      },
    });
    await route(ourPage, 'providers:update', { id: 'p1', name: '  Togai EU  ', sneaky: true });
    expect(seen).toEqual([{ id: 'p1', name: 'Togai EU' }]);
  });

  it('a thrown non-AppError becomes "internal": no stack, no secret, logged redacted', async () => {
    const { route, log } = router({
      'providers:list': () => {
        throw new TypeError(`Cannot read properties of undefined (reading '${SECRET}')`);
      },
    });
    const result = await route(ourPage, 'providers:list', undefined);
    expect(result).toEqual({ ok: false, code: 'internal', message: 'Something went wrong inside Keymint.' });
    expect(Object.keys(result)).toEqual(['ok', 'code', 'message']);
    expect(log.lines).toEqual([`ipc providers:list failed: TypeError: Cannot read properties of undefined (reading '[redacted]')`]);
  });

  it('a thrown non-Error value is "internal" too', async () => {
    const { route } = router({
      'providers:list': () => {
        throw { code: 'EACCES', secret: SECRET };
      },
    });
    const result = await route(ourPage, 'providers:list', undefined);
    expect(result).toEqual({ ok: false, code: 'internal', message: 'Something went wrong inside Keymint.' });
  });

  it('an AppError keeps its code and plain words, with secrets redacted', async () => {
    const { route } = router({
      'providers:remove': () => {
        throw new AppError('not-found', `No provider uses key ${SECRET}.`);
      },
    });
    expect(await route(ourPage, 'providers:remove', { id: 'p1' })).toEqual({
      ok: false,
      code: 'not-found',
      message: 'No provider uses key [redacted].',
    });
  });

  it('a VaultError becomes "locked" or "vault" with its own words', async () => {
    const { route } = router({
      'providers:list': () => {
        throw new VaultError('locked', 'The vault is locked.');
      },
      'tokens:generate': () => {
        throw new VaultError('decrypt-failed', 'A stored secret could not be decrypted.');
      },
    });
    expect(await route(ourPage, 'providers:list', undefined)).toEqual({ ok: false, code: 'locked', message: 'The vault is locked.' });
    expect(await route(ourPage, 'tokens:generate', { id: 'p1' })).toEqual({
      ok: false,
      code: 'vault',
      message: 'A stored secret could not be decrypted.',
    });
  });

  it('output parsing drops every field the contract does not name', async () => {
    const leaky = {
      ...viewOf(),
      secrets: { apiKey: 'v1.ciphertext' },
      token: 'raw-token',
      status: { ...NO_TOKEN, rawToken: 'raw-token' },
    };
    const { route } = router({
      'providers:list': () => [leaky as ProviderView],
      'tokens:copy': () => ({ copied: true as const, headerName: 'Authorization', label: 'Authorization', clearsInSeconds: 60, header: 'Authorization: Bearer raw-token' }),
    });
    const listed = await route(ourPage, 'providers:list', undefined);
    expect(listed).toEqual({ ok: true, value: [viewOf()] });
    expect(JSON.stringify(listed)).not.toContain('raw-token');
    expect(await route(ourPage, 'tokens:copy', { id: 'p1' })).toEqual({ ok: true, value: { copied: true, headerName: 'Authorization', label: 'Authorization', clearsInSeconds: 60 } });
  });

  it('output that breaks the contract is "internal", not sent', async () => {
    const { route, log } = router({ 'providers:remove': () => ({ removed: SECRET }) as unknown as null });
    expect(await route(ourPage, 'providers:remove', { id: 'p1' })).toEqual({
      ok: false,
      code: 'internal',
      message: 'Something went wrong inside Keymint.',
    });
    expect(log.lines).toEqual(['ipc providers:remove: handler output does not match the contract']);
  });
});
