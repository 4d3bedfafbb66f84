import { describe, expect, it } from 'vitest';
import {
  startBotlhaleEmulator,
  startHighlineEmulator,
  startOAuthClientCredentialsEmulator,
  startTogaiEmulator,
  startXeniooEmulator,
} from '../../../e2e/emulators';
import { AppError } from '../app-error';
import { closeAfterEach, protectedStatus } from '../../test-support/node-ports';
import { tokenServices } from '../../test-support/token-services';

const started = closeAfterEach();
const API_KEY = 'tg_live_Zx81KqP0sA7mNw3';

async function togaiProvider(clock?: { now: () => number }) {
  const emulator = await started(startTogaiEmulator({ apiKey: API_KEY, now: clock?.now }));
  const services = tokenServices(clock);
  const provider = services.providers.create({ presetId: 'togai', name: 'Togai', baseUrl: emulator.url, values: { apiKey: API_KEY } });
  return { emulator, ...services, id: provider.id };
}

describe('TokenService.generate and status', () => {
  it('starts with no token', async () => {
    const { tokens, id } = await togaiProvider();
    expect(tokens.status(id)).toMatchObject({ state: 'none', expiresAt: null, lastError: null });
  });

  it('a generated token shows as valid with its expiry and source, its claims in the details alone', async () => {
    const { emulator, tokens, id, events } = await togaiProvider();
    const changesBefore = events.changed;
    await tokens.generate(id);

    const issued = emulator.issued.at(-1);
    const status = tokens.status(id);
    expect(status).toMatchObject({ state: 'valid', expirySource: 'JWT exp', suspicious: null, lastError: null });
    expect(status.expiresAt).toBe(new Date(issued?.expiresAt ?? 0).toISOString());
    expect(Date.parse(status.obtainedAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(status).not.toHaveProperty('claims');
    expect(tokens.details(id).token?.jwt?.claims).toMatchObject({ sub: 'togai-api-key' });
    expect(JSON.stringify(status)).not.toContain(issued?.token);
    expect(events.changed).toBe(changesBefore + 1);
  });

  it('keeps the token and the API key encrypted in the stored document', async () => {
    const { emulator, tokens, store, id } = await togaiProvider();
    await tokens.generate(id);
    const token = emulator.issued.at(-1)?.token ?? '';
    expect(store.text()).not.toContain(token);
    expect(store.text()).not.toContain(token.split('.')[2]);
    expect(store.text()).not.toContain(API_KEY);
  });

  it('a failed refresh keeps the previous valid token; the error is shown beside it', async () => {
    const { emulator, tokens, clipboard, id } = await togaiProvider();
    await tokens.generate(id);
    const before = tokens.status(id);
    const token = emulator.issued.at(-1)?.token;

    emulator.failNext(503, { message: 'Scheduled maintenance' });
    await tokens.generate(id);
    const after = tokens.status(id);
    expect(after.state).toBe('valid');
    expect(after.expiresAt).toBe(before.expiresAt);
    expect(after.obtainedAt).toBe(before.obtainedAt);
    expect(after.lastError).toMatchObject({ code: 'http', message: expect.stringContaining('Scheduled maintenance') });

    await expect(tokens.copy(id)).resolves.toEqual({ headerName: 'Authorization', label: 'Authorization' });
    expect(clipboard.written).toEqual([`Authorization: Bearer ${token}`]);
    expect(emulator.tokenRequests).toBe(2);

    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ state: 'valid', lastError: null });
  });

  it('a first generate that fails shows the error state', async () => {
    const { emulator, tokens, id } = await togaiProvider();
    emulator.failNext(403, { message: 'Plan does not include the API' });
    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({
      state: 'error',
      expiresAt: null,
      lastError: { code: 'http', message: 'Togai said: "Plan does not include the API" (HTTP 403). The provider says these credentials are not allowed to do this.' },
    });
  });

  it('an expired token whose renewal fails shows the error state', async () => {
    let now = Date.now();
    const clock = { now: () => now };
    const { emulator, tokens, id } = await togaiProvider(clock);
    await tokens.generate(id);
    now += 25 * 3600_000;
    emulator.failNext(500, { message: 'down' });
    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ state: 'error', lastError: { code: 'http' } });
    expect(tokens.status(id).expiresAt).not.toBeNull();
  });

  it('flags a suspicious expiry the provider reports', async () => {
    const emulator = await started(startXeniooEmulator({ accountApiKey: 'xen-acct-1', lifetimeMinutes: 60 * 24 * 400 }));
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'xenioo', name: 'Xenioo', baseUrl: emulator.url, values: { accountApiKey: 'xen-acct-1' } });
    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ state: 'valid', expirySource: 'expires (minutes)', suspicious: expect.stringMatching(/more than a year/) });
  });

  it('stores the rotated refresh token and uses it on the next generate', async () => {
    const emulator = await started(startHighlineEmulator({ apiKey: 'hl-key-1', secret: 'hl-secret-1' }));
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'highline', name: 'Highline', baseUrl: emulator.url, values: { apiKey: 'hl-key-1', secret: 'hl-secret-1' } });
    await tokens.generate(id);
    await tokens.generate(id);
    await tokens.generate(id);
    expect(emulator.refreshCount).toBe(2);
    const refreshBodies = emulator.requests.filter((r) => r.body.includes('grant_type')).map((r) => JSON.parse(r.body).refresh_token);
    expect(refreshBodies).toEqual([emulator.issued[0]?.refreshToken, emulator.issued[1]?.refreshToken]);
    expect(tokens.status(id)).toMatchObject({ state: 'valid', expirySource: 'expires_in (absolute timestamp)' });
  });
});

describe('TokenService.copy', () => {
  it('mints a token if needed and writes exactly "Authorization: Bearer <token>", which the API accepts', async () => {
    const emulator = await started(startBotlhaleEmulator({ apiKey: 'bh-key-123' }));
    const { providers, tokens, clipboard } = tokenServices();
    const { id } = providers.create({ presetId: 'botlhale', name: 'Botlhale', baseUrl: emulator.url, values: { apiKey: 'bh-key-123' } });

    await expect(tokens.copy(id)).resolves.toEqual({ headerName: 'Authorization', label: 'Authorization' });
    const idToken = emulator.issued.at(-1)?.token;
    expect(clipboard.written).toEqual([`Authorization: Bearer ${idToken}`]);
    const [name, value] = (clipboard.written[0] ?? '').split(': ');
    const response = await fetch(`${emulator.url}/protected`, { headers: { [name ?? '']: value ?? '' } });
    expect(response.status).toBe(200);

    await tokens.copy(id);
    expect(emulator.tokenRequests).toBe(1);
    expect(clipboard.written).toHaveLength(2);
  });

  it('mints a new token when the held one has expired', async () => {
    let now = Date.now();
    const { emulator, tokens, clipboard, id } = await togaiProvider({ now: () => now });
    await tokens.copy(id);
    now += 24 * 3600_000 + 1000;
    await tokens.copy(id);
    expect(emulator.tokenRequests).toBe(2);
    expect(clipboard.written[1]).toBe(`Authorization: Bearer ${emulator.issued[1]?.token}`);
    expect(await protectedStatus(emulator.url, emulator.issued[1]?.token ?? '')).toBe(200);
  });

  it('copies nothing and says why when no token can be had', async () => {
    const { emulator, tokens, clipboard, id } = await togaiProvider();
    emulator.failNext(401, { message: 'Invalid API key or token' });
    const error = await tokens.copy(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'token-unavailable', message: expect.stringMatching(/^Nothing copied: Togai said: "Invalid API key or token"/) });
    expect(clipboard.written).toEqual([]);
  });

  it("a clipboard adapter's own words (no clipboard on this machine) reach the user", async () => {
    const { tokens, clipboard, id } = await togaiProvider();
    clipboard.writeText = () => Promise.reject(new AppError('internal', 'this machine has no clipboard Keymint can write.'));
    await expect(tokens.copy(id)).rejects.toMatchObject({ code: 'internal', message: 'Nothing copied: this machine has no clipboard Keymint can write.' });
  });

  it('a clipboard that refuses the write is a clear error without the token, and the token stays usable', async () => {
    const { emulator, tokens, clipboard, id } = await togaiProvider();
    clipboard.failWrites = true;
    const error = await tokens.copy(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'internal', message: 'Nothing copied: the system clipboard refused the write. Try Copy again.' });
    expect(JSON.stringify(error)).not.toContain(emulator.issued[0]?.token);
    expect(tokens.status(id)).toMatchObject({ state: 'valid' });
    clipboard.failWrites = false;
    await tokens.copy(id);
    expect(emulator.tokenRequests).toBe(1);
    expect(clipboard.written).toEqual([`Authorization: Bearer ${emulator.issued[0]?.token}`]);
  });
});

describe('secrets never appear in errors', () => {
  const echoes: [string, (key: string) => string][] = [
    ['as is', (key) => `API key ${key} is not valid for this account`],
    ['URL-encoded', (key) => `bad key: ${encodeURIComponent(key)}`],
    ['base64', (key) => `credential ${Buffer.from(key).toString('base64')} refused`],
    ['with lower-case percent-encoding', (key) => `bad key: ${encodeURIComponent(key).toLowerCase()}`],
    ['as unpadded base64url', (key) => `credential ${Buffer.from(key).toString('base64url')} refused`],
    ['as hex', (key) => `credential 0x${Buffer.from(key).toString('hex').toUpperCase()} refused`],
    ['in upper case', (key) => `API KEY ${key.toUpperCase()} IS NOT VALID`],
  ];

  it.each(echoes)('a configured secret echoed %s by the provider comes out [redacted]', async (_, echo) => {
    const key = 'tg_live/Zx81+Kq P0sA7mNw3';
    const emulator = await started(startTogaiEmulator({ apiKey: key }));
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'togai', name: 'Togai', baseUrl: emulator.url, values: { apiKey: key } });
    emulator.failNext(401, { message: echo(key) });
    await tokens.generate(id);
    const message = tokens.status(id).lastError?.message ?? '';
    expect(message).toContain('[redacted]');
    for (const form of [key, encodeURIComponent(key), Buffer.from(key).toString('base64')]) expect(message).not.toContain(form);
  });

  it('a secret holding a tab and two spaces comes out [redacted], not folded past redaction', async () => {
    const key = 'tg_live  Zx81\tKqP0sA7';
    const emulator = await started(startTogaiEmulator({ apiKey: key }));
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'togai', name: 'Togai', baseUrl: emulator.url, values: { apiKey: key } });
    emulator.failNext(401, { message: `API key ${key} is not valid` });
    await tokens.generate(id);
    expect(tokens.status(id).lastError?.message).toBe('Togai said: "API key [redacted] is not valid" (HTTP 401). Check the key and secret.');
  });

  it.each([
    ['plain text', 'text/plain; charset=utf-8', (token: string) => token],
    ['a bare JSON string', 'application/json', (token: string) => JSON.stringify(token)],
  ])('a reply that is only %s on an unexpected status is described, never quoted: it may be a token', async (_, type, body) => {
    const { emulator, tokens, id } = await togaiProvider();
    const unknownToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzb21lb25lIn0.bm90LXJlZ2lzdGVyZWQ';
    emulator.failNext(503, body(unknownToken), { 'content-type': type });
    await tokens.generate(id);
    const bytes = body(unknownToken).length;
    expect(tokens.status(id).lastError?.message).toBe(
      `Togai answered with ${bytes} bytes of ${type.split(';')[0]} (HTTP 503). The provider is having trouble; try again later.`,
    );
  });

  it('an issued token echoed back comes out [redacted], in the status and in copy errors', async () => {
    let now = Date.now();
    const { emulator, tokens, id } = await togaiProvider({ now: () => now });
    await tokens.generate(id);
    const token = emulator.issued.at(-1)?.token ?? '';
    now += 25 * 3600_000;
    emulator.failNext(401, { message: `Token ${token} has expired` });
    await tokens.generate(id);
    expect(tokens.status(id).lastError?.message).toBe('Togai said: "Token [redacted] has expired" (HTTP 401). Check the key and secret.');

    emulator.failNext(401, { message: `Token ${token} has expired` });
    const error = (await tokens.copy(id).catch((e: unknown) => e)) as AppError;
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(token);
  });

  it('redaction keeps the tokens Keymint holds, not every token of the session', async () => {
    let now = Date.now();
    const { emulator, tokens, id, secrets } = await togaiProvider({ now: () => now });
    await tokens.generate(id);
    const first = emulator.issued.at(-1)?.token ?? '';
    now += 2000;
    await tokens.generate(id);
    const second = emulator.issued.at(-1)?.token ?? '';
    expect(second).not.toBe(first);
    expect(secrets.isSecret(second)).toBe(true);
    expect(secrets.isSecret(first)).toBe(false);
    expect(secrets.isSecret(API_KEY)).toBe(true);
  });

  it('a Basic credential or a form-encoded secret echoed back comes out [redacted]', async () => {
    const secret = 'oauth secret+with spaces';
    const emulator = await started(startOAuthClientCredentialsEmulator({ clientId: 'client-9', clientSecret: secret }));
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({
      presetId: 'oauth2-client-credentials',
      name: 'OAuth',
      baseUrl: `${emulator.url}/oauth/token`,
      values: { clientId: 'client-9', clientSecret: secret },
    });
    const basic = Buffer.from(`client-9:${new URLSearchParams({ v: secret }).toString().slice(2)}`).toString('base64');
    const formEncoded = new URLSearchParams({ v: secret }).toString().slice(2);
    emulator.failNext(401, { error: 'invalid_client', error_description: `bad Basic ${basic} / body ${formEncoded}` });
    await tokens.generate(id);
    const message = tokens.status(id).lastError?.message ?? '';
    expect(message).toContain('bad Basic [redacted] / body [redacted]');
  });

  it('a refresh token echoed back comes out [redacted]', async () => {
    const emulator = await started(startHighlineEmulator({ apiKey: 'hl-key-2', secret: 'hl-secret-2' }));
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'highline', name: 'Highline', baseUrl: emulator.url, values: { apiKey: 'hl-key-2', secret: 'hl-secret-2' } });
    await tokens.generate(id);
    const refreshToken = emulator.issued.at(-1)?.refreshToken ?? '';
    emulator.failNext(500, { message: `could not rotate ${refreshToken}` });
    await tokens.generate(id);
    const message = tokens.status(id).lastError?.message ?? '';
    expect(message).toContain('could not rotate [redacted]');
    expect(message).not.toContain(refreshToken.slice(-20));
  });

  it('a secret cut off by the length limit on provider messages does not leak in part', async () => {
    const { emulator, tokens, id } = await togaiProvider();
    emulator.failNext(401, { message: `${'Request rejected. '.repeat(15)}${'x'.repeat(10)} key=${API_KEY} was revoked` });
    await tokens.generate(id);
    const message = tokens.status(id).lastError?.message ?? '';
    expect(message).toContain('Request rejected.');
    expect(message).not.toContain(API_KEY.slice(0, 8));
  });

  it('a value HTTP cannot carry is explained in plain words that do not quote it', async () => {
    const { providers, tokens, log } = tokenServices();
    const { id } = providers.create({
      presetId: 'custom',
      name: 'Custom',
      baseUrl: 'https://127.0.0.1:1',
      recipe: JSON.stringify({
        name: 'Custom',
        fields: [{ key: 'apiKey', label: 'Key', secret: true }],
        request: { headers: { 'X-Key': 'line\n{{apiKey}}' } },
        response: { token: 'token' },
      }),
      values: { apiKey: API_KEY },
    });
    await tokens.generate(id);
    expect(tokens.status(id).lastError).toMatchObject({
      code: 'config',
      message: 'Keymint could not build the token request: a header value holds characters HTTP does not allow, such as a line break. Check the fields and the recipe.',
    });
    expect(log.lines.join('\n')).not.toContain(API_KEY);
  });
});
