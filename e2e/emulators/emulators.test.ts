import { afterEach, describe, expect, it } from 'vitest';
import {
  startBotlhaleEmulator,
  startHighlineEmulator,
  startOAuthClientCredentialsEmulator,
  startTogaiEmulator,
  startWelkinEmulator,
  startXeniooEmulator,
  type Emulator,
} from './index';

type RequestBody = NonNullable<RequestInit['body']>;

const running: Emulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function started<T extends Emulator>(starting: Promise<T>): Promise<T> {
  const emulator = await starting;
  running.push(emulator);
  return emulator;
}

/** A hand-driven clock so expiry is tested without waiting. */
function manualClock(start = 1_700_000_000_500): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

function jwtPayload(token: string): Record<string, unknown> {
  const [, payload = ''] = token.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function protectedStatus(emulator: Emulator, token: string): Promise<number> {
  const response = await fetch(`${emulator.url}/protected`, { headers: { authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

describe('shared emulator plumbing', () => {
  it('records requests, answers 404 off-route and 413 for oversized bodies', async () => {
    const emulator = await started(startTogaiEmulator({ apiKey: 'k' }));
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${emulator.url}/nope?x=1`, { headers: { 'X-Trace': 'a' } })).status).toBe(404);
    const tooBig = await fetch(`${emulator.url}/authenticate`, { method: 'POST', body: 'x'.repeat(70_000) });
    expect(tooBig.status).toBe(413);
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/nope', query: 'x=1', body: '' });
    expect(emulator.requests[0]?.headers['x-trace']).toBe('a');
    expect(emulator.tokenRequests).toBe(0);
  });

  it('serves queued failures in order, as JSON or text, then resumes', async () => {
    const emulator = await started(startTogaiEmulator({ apiKey: 'k' }));
    emulator.failNext(429, { message: 'slow down' }, { 'Retry-After': '7' });
    emulator.failNext(503, 'maintenance');
    const init = { method: 'POST', headers: { authorization: 'Bearer k' } };
    const limited = await fetch(`${emulator.url}/authenticate`, init);
    expect([limited.status, limited.headers.get('retry-after'), await json(limited)]).toEqual([429, '7', { message: 'slow down' }]);
    const down = await fetch(`${emulator.url}/authenticate`, init);
    expect([down.status, down.headers.get('content-type'), await down.text()]).toEqual([503, 'text/plain; charset=utf-8', 'maintenance']);
    expect((await fetch(`${emulator.url}/authenticate`, init)).status).toBe(200);
    expect(emulator.tokenRequests).toBe(3);
    expect(emulator.issued).toHaveLength(1);
  });

  it('closes with keep-alive connections open and tolerates a second close', async () => {
    const emulator = await startTogaiEmulator({ apiKey: 'k' });
    await (await fetch(`${emulator.url}/protected`)).text();
    await emulator.close();
    await emulator.close();
    await expect(fetch(`${emulator.url}/protected`)).rejects.toThrow();
  });
});

describe('Togai', () => {
  const authenticate = (emulator: Emulator, headers: Record<string, string>): Promise<Response> =>
    fetch(`${emulator.url}/authenticate`, { method: 'POST', headers: { accept: 'application/json', ...headers } });

  it('trades the API key for a 24-hour JWT that /protected accepts', async () => {
    const emulator = await started(startTogaiEmulator({ apiKey: 'togai-key' }));
    const response = await authenticate(emulator, { authorization: 'Bearer togai-key' });
    const body = await json(response);
    expect(response.status).toBe(200);
    expect(Object.keys(body)).toEqual(['token']);
    const token = String(body.token);
    const claims = jwtPayload(token);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(86_400);
    expect(emulator.issued).toEqual([{ token, expiresAt: Number(claims.exp) * 1000 }]);
    expect(await protectedStatus(emulator, token)).toBe(200);
    expect(await protectedStatus(emulator, 'togai-key')).toBe(401);
  });

  it('echoes a live JWT presented as the bearer, and refuses it once expired', async () => {
    const clock = manualClock();
    const emulator = await started(startTogaiEmulator({ apiKey: 'togai-key', lifetimeSeconds: 60, now: clock.now }));
    const token = String((await json(await authenticate(emulator, { authorization: 'Bearer togai-key' }))).token);
    expect(await json(await authenticate(emulator, { authorization: `Bearer ${token}` }))).toEqual({ token });
    expect(emulator.issued).toHaveLength(1);
    clock.advance(60_000);
    expect((await authenticate(emulator, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect(await protectedStatus(emulator, token)).toBe(401);
  });

  it('answers 401 with a message for wrong or missing keys, 406 for non-JSON Accept, 405 for GET', async () => {
    const emulator = await started(startTogaiEmulator({ apiKey: 'togai-key' }));
    const wrong = await authenticate(emulator, { authorization: 'Bearer other' });
    expect([wrong.status, typeof (await json(wrong)).message]).toEqual([401, 'string']);
    expect((await authenticate(emulator, {})).status).toBe(401);
    expect((await authenticate(emulator, { authorization: basic('togai-key', '') })).status).toBe(401);
    expect((await authenticate(emulator, { authorization: 'Bearer togai-key', accept: 'text/html' })).status).toBe(406);
    expect((await authenticate(emulator, { authorization: 'Bearer togai-key', accept: 'text/html, */*;q=0.1' })).status).toBe(200);
    expect((await fetch(`${emulator.url}/authenticate`, { headers: { authorization: 'Bearer togai-key' } })).status).toBe(405);
  });
});

describe('Botlhale', () => {
  const form = (fields: Record<string, string>): FormData => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };
  const generate = (emulator: Emulator, body: RequestBody, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${emulator.url}/generateAuthToken`, { method: 'POST', body, headers });

  it('trades the REFRESH_TOKEN form field for an AuthenticationResult whose IdToken is the bearer', async () => {
    const emulator = await started(startBotlhaleEmulator({ apiKey: 'bot-key' }));
    const response = await generate(emulator, form({ REFRESH_TOKEN: 'bot-key' }));
    expect(response.status).toBe(200);
    const result = (await json(response)).AuthenticationResult as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'RefreshToken', 'TokenType']);
    expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(emulator.issued[0]?.token).toBe(result.IdToken);
    expect(await protectedStatus(emulator, String(result.IdToken))).toBe(200);
    expect(await protectedStatus(emulator, String(result.AccessToken))).toBe(401);
    expect(await protectedStatus(emulator, String(result.RefreshToken))).toBe(401);
  });

  it('accepts a hand-written multipart body (quoted boundary), a matching Basic header and a custom lifetime', async () => {
    const emulator = await started(startBotlhaleEmulator({ apiKey: 'bot-key', lifetimeSeconds: 86_400 }));
    const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
    const raw = `--${boundary}\r\nContent-Disposition: form-data; name="REFRESH_TOKEN"\r\n\r\nbot-key\r\n--${boundary}--\r\n`;
    const response = await generate(emulator, raw, {
      'content-type': `multipart/form-data; boundary="${boundary}"`,
      authorization: basic('bot-key', 'bot-key'),
    });
    expect(response.status).toBe(200);
    expect(((await json(response)).AuthenticationResult as Record<string, unknown>).ExpiresIn).toBe(86_400);
  });

  it('rejects other encodings and malformed multipart with 400', async () => {
    const emulator = await started(startBotlhaleEmulator({ apiKey: 'bot-key' }));
    expect((await postJson(`${emulator.url}/generateAuthToken`, { REFRESH_TOKEN: 'bot-key' })).status).toBe(400);
    expect((await generate(emulator, new URLSearchParams({ REFRESH_TOKEN: 'bot-key' }))).status).toBe(400);
    expect((await generate(emulator, form({ OTHER: 'bot-key' }))).status).toBe(400);
    expect((await generate(emulator, form({ REFRESH_TOKEN: 'bot-key', refresh_token: 'x' }))).status).toBe(200);
    const twice = new FormData();
    twice.append('REFRESH_TOKEN', 'bot-key');
    twice.append('REFRESH_TOKEN', 'bot-key');
    expect((await generate(emulator, twice)).status).toBe(400);
    // The doc's Node sample never writes the closing `--boundary--`; a strict parser refuses it.
    const boundary = 'b0';
    const unterminated = `--${boundary}\r\nContent-Disposition: form-data; name="REFRESH_TOKEN"\r\n\r\nbot-key\r\n--${boundary}`;
    expect((await generate(emulator, unterminated, { 'content-type': `multipart/form-data; boundary=${boundary}` })).status).toBe(400);
  });

  it('answers 401 with a JSON message for a wrong key or a mismatched Basic header', async () => {
    const emulator = await started(startBotlhaleEmulator({ apiKey: 'bot-key' }));
    const wrong = await generate(emulator, form({ REFRESH_TOKEN: 'nope' }));
    expect([wrong.status, typeof (await json(wrong)).message]).toEqual([401, 'string']);
    const mismatched = await generate(emulator, form({ REFRESH_TOKEN: 'bot-key' }), { authorization: basic('bot-key', 'x') });
    expect(mismatched.status).toBe(401);
    expect(emulator.issued).toHaveLength(0);
    expect(emulator.tokenRequests).toBe(2);
  });
});

describe('Xenioo', () => {
  const integrate = (emulator: Emulator, body: unknown): Promise<Response> => postJson(`${emulator.url}/authorization/integration`, body);
  const bot = { apiKey: 'bot-key', secret: 'bot-secret' };

  it('issues opaque account and bot tokens that expire after `expires` minutes', async () => {
    const clock = manualClock();
    const emulator = await started(startXeniooEmulator({ accountApiKey: 'acct', bot, now: clock.now }));
    const account = await integrate(emulator, { AccountAPIKey: 'acct' });
    const accountBody = await json(account);
    expect([account.status, accountBody.expires]).toEqual([200, 60]);
    expect(Object.keys(accountBody)).toEqual(['token', 'expires']);
    expect(String(accountBody.token)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const botResponse = await integrate(emulator, { AccountAPIKey: 'acct', BotAPIKey: 'bot-key', BotAPISecret: 'bot-secret' });
    expect(botResponse.status).toBe(200);
    expect(emulator.issued.map((entry) => entry.kind)).toEqual(['account', 'bot']);
    expect(emulator.issued[0]?.expiresAt).toBe(clock.now() + 60 * 60_000);
    expect(await protectedStatus(emulator, String(accountBody.token))).toBe(200);
    clock.advance(60 * 60_000);
    expect(await protectedStatus(emulator, String(accountBody.token))).toBe(401);
  });

  it('supports the PascalCase spelling and a custom lifetime', async () => {
    const emulator = await started(startXeniooEmulator({ accountApiKey: 'acct', legacySpelling: true, lifetimeMinutes: 5 }));
    const body = await json(await integrate(emulator, { AccountAPIKey: 'acct' }));
    expect(Object.keys(body)).toEqual(['Token', 'Expires']);
    expect(body.Expires).toBe(5);
  });

  it('maps documented failures: 400 malformed, 404 unknown account, 403 free account or bad bot', async () => {
    const emulator = await started(startXeniooEmulator({ accountApiKey: 'acct', bot }));
    const url = `${emulator.url}/authorization/integration`;
    expect((await fetch(url, { method: 'POST', body: new URLSearchParams({ AccountAPIKey: 'acct' }) })).status).toBe(400);
    expect((await integrate(emulator, {})).status).toBe(400);
    expect((await integrate(emulator, { accountapikey: 'acct' })).status).toBe(400);
    expect((await integrate(emulator, { AccountAPIKey: 'acct', BotAPIKey: 'bot-key' })).status).toBe(400);
    expect((await integrate(emulator, { AccountAPIKey: 'acct', BotAPIKey: 1, BotAPISecret: 'x' })).status).toBe(400);
    expect((await integrate(emulator, { AccountAPIKey: 'other' })).status).toBe(404);
    expect((await integrate(emulator, { AccountAPIKey: 'acct', BotAPIKey: 'bot-key', BotAPISecret: 'no' })).status).toBe(403);
    const free = await started(startXeniooEmulator({ accountApiKey: 'acct', freeAccount: true }));
    expect((await integrate(free, { AccountAPIKey: 'acct' })).status).toBe(403);
    expect(emulator.issued).toHaveLength(0);
  });
});

describe('Highline', () => {
  const token = (emulator: Emulator, body: unknown): Promise<Response> => postJson(`${emulator.url}/auth/token`, body);

  it('logs in with api_key/secret; expires_in is an absolute unix time 15 minutes out', async () => {
    const clock = manualClock();
    const emulator = await started(startHighlineEmulator({ apiKey: 'hk', secret: 'hs', now: clock.now }));
    const response = await token(emulator, { api_key: 'hk', secret: 'hs' });
    const body = await json(response);
    expect(response.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'subject']);
    expect(body.subject).toBe(emulator.subject);
    expect(emulator.subject).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.expires_in).toBe(Math.floor(clock.now() / 1000) + 900);
    expect(await protectedStatus(emulator, String(body.access_token))).toBe(200);
    expect(await protectedStatus(emulator, String(body.refresh_token))).toBe(401);
    clock.advance(900_000);
    expect(await protectedStatus(emulator, String(body.access_token))).toBe(401);
  });

  it('rotates refresh tokens: a used one is revoked, the new one works', async () => {
    const emulator = await started(startHighlineEmulator({ apiKey: 'hk', secret: 'hs', subject: 'sub-1' }));
    const first = await json(await token(emulator, { api_key: 'hk', secret: 'hs' }));
    const refresh = (refreshToken: unknown, subject = 'sub-1'): Promise<Response> =>
      token(emulator, { refresh_token: refreshToken, subject, grant_type: 'refresh_token' });
    const second = await refresh(first.refresh_token);
    const secondBody = await json(second);
    expect(second.status).toBe(200);
    expect(secondBody.refresh_token).not.toBe(first.refresh_token);
    expect(emulator.refreshCount).toBe(1);
    expect((await refresh(first.refresh_token)).status).toBe(401);
    expect((await refresh(secondBody.refresh_token, 'someone-else')).status).toBe(401);
    expect((await refresh(secondBody.refresh_token)).status).toBe(200);
    expect(emulator.refreshCount).toBe(2);
    expect(emulator.issued).toHaveLength(3);
  });

  it('refuses a refresh token after its lifetime', async () => {
    const clock = manualClock();
    const emulator = await started(startHighlineEmulator({ apiKey: 'hk', secret: 'hs', lifetimeSeconds: 60, now: clock.now }));
    const first = await json(await token(emulator, { api_key: 'hk', secret: 'hs' }));
    clock.advance(60_000);
    const late = await token(emulator, { refresh_token: first.refresh_token, subject: emulator.subject, grant_type: 'refresh_token' });
    expect(late.status).toBe(401);
  });

  it('answers 401 for wrong credentials and 400 for missing fields or non-JSON', async () => {
    const emulator = await started(startHighlineEmulator({ apiKey: 'hk', secret: 'hs' }));
    expect((await token(emulator, { api_key: 'hk', secret: 'wrong' })).status).toBe(401);
    expect((await token(emulator, { api_key: 'hk' })).status).toBe(400);
    expect((await token(emulator, { refresh_token: 'r', subject: emulator.subject })).status).toBe(400);
    expect((await token(emulator, { refresh_token: 'r', subject: emulator.subject, grant_type: 'password' })).status).toBe(400);
    expect((await token(emulator, { refresh_token: 'r', subject: emulator.subject, grant_type: 'refresh_token' })).status).toBe(401);
    const form = await fetch(`${emulator.url}/auth/token`, { method: 'POST', body: new URLSearchParams({ api_key: 'hk', secret: 'hs' }) });
    expect(form.status).toBe(400);
  });
});

describe('Welkin', () => {
  const options = { tenant: 'gh', clientName: 'VBOPNRYRWJIP', secret: '+}B{KGTG6#zG%P;tQm0C' };
  const login = (emulator: Emulator, path: string, body: unknown): Promise<Response> => postJson(`${emulator.url}${path}`, body);
  const path = '/gh/admin/api_clients/VBOPNRYRWJIP';

  it('answers 201 with clientName, a one-hour JWT and enabled', async () => {
    const emulator = await started(startWelkinEmulator(options));
    const response = await login(emulator, path, { secret: options.secret });
    const body = await json(response);
    expect(response.status).toBe(201);
    expect(body).toMatchObject({ clientName: 'VBOPNRYRWJIP', enabled: true });
    const claims = jwtPayload(String(body.token));
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(await protectedStatus(emulator, String(body.token))).toBe(200);
  });

  it('can answer 200, and marks a disabled client whose token /protected refuses', async () => {
    const ok = await started(startWelkinEmulator({ ...options, successStatus: 200 }));
    expect((await login(ok, path, { secret: options.secret })).status).toBe(200);
    const disabled = await started(startWelkinEmulator({ ...options, disabled: true }));
    const body = await json(await login(disabled, path, { secret: options.secret }));
    expect(body.enabled).toBe(false);
    expect(await protectedStatus(disabled, String(body.token))).toBe(401);
  });

  it('reports errors as [{errorCode, message}] with 404, 401 and 400', async () => {
    const emulator = await started(startWelkinEmulator(options));
    const unknownTenant = await login(emulator, '/other/admin/api_clients/VBOPNRYRWJIP', { secret: options.secret });
    const errors = (await unknownTenant.json()) as unknown[];
    expect(unknownTenant.status).toBe(404);
    expect(errors).toEqual([{ errorCode: expect.any(String), message: expect.any(String) }]);
    expect((await login(emulator, '/gh/admin/api_clients/OTHER', { secret: options.secret })).status).toBe(404);
    expect((await login(emulator, path, { secret: 'wrong' })).status).toBe(401);
    expect((await login(emulator, path, {})).status).toBe(400);
    const form = await fetch(`${emulator.url}${path}`, { method: 'POST', body: new URLSearchParams({ secret: options.secret }) });
    expect(form.status).toBe(400);
    expect(emulator.tokenRequests).toBe(5);
  });
});

describe('OAuth 2.0 client credentials', () => {
  const credentials = { clientId: 'app id', clientSecret: 's3cr%t:+/' };
  const formBasic = basic(encodeURIComponent(credentials.clientId), encodeURIComponent(credentials.clientSecret));
  const request = (emulator: Emulator, body: RequestBody, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${emulator.url}/oauth/token`, { method: 'POST', body, headers });
  const grant = (extra: Record<string, string> = {}): URLSearchParams =>
    new URLSearchParams({ grant_type: 'client_credentials', ...extra });

  it('issues a Bearer token for form-encoded HTTP Basic credentials, uncacheable', async () => {
    const emulator = await started(startOAuthClientCredentialsEmulator(credentials));
    const response = await request(emulator, grant({ scope: 'read write', audience: 'https://api' }), { authorization: formBasic });
    const body = await json(response);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect([emulator.lastScope, emulator.lastAudience]).toEqual(['read write', 'https://api']);
    expect(await protectedStatus(emulator, String(body.access_token))).toBe(200);
  });

  it('accepts body credentials, honours lifetime and omitExpiresIn', async () => {
    const emulator = await started(startOAuthClientCredentialsEmulator({ ...credentials, lifetimeSeconds: 120 }));
    const body = grant({ client_id: credentials.clientId, client_secret: credentials.clientSecret });
    expect((await json(await request(emulator, body))).expires_in).toBe(120);
    expect(emulator.lastScope).toBeUndefined();
    const silent = await started(startOAuthClientCredentialsEmulator({ ...credentials, omitExpiresIn: true }));
    expect(Object.keys(await json(await request(silent, body)))).toEqual(['access_token', 'token_type']);
  });

  it('rejects a disallowed auth method, mixed methods, raw (unencoded) Basic and wrong secrets', async () => {
    const basicOnly = await started(startOAuthClientCredentialsEmulator({ ...credentials, clientAuth: 'basic' }));
    const inBody = grant({ client_id: credentials.clientId, client_secret: credentials.clientSecret });
    const refused = await request(basicOnly, inBody);
    expect([refused.status, (await json(refused)).error]).toEqual([401, 'invalid_client']);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic/);
    const bodyOnly = await started(startOAuthClientCredentialsEmulator({ ...credentials, clientAuth: 'body' }));
    expect((await request(bodyOnly, grant(), { authorization: formBasic })).status).toBe(401);
    const either = await started(startOAuthClientCredentialsEmulator(credentials));
    const mixed = await request(either, inBody, { authorization: formBasic });
    expect([mixed.status, (await json(mixed)).error]).toEqual([400, 'invalid_request']);
    const raw = basic(credentials.clientId, credentials.clientSecret);
    expect((await request(either, grant(), { authorization: raw })).status).toBe(401);
    expect((await request(either, grant(), { authorization: basic('app%20id', 'nope') })).status).toBe(401);
    expect((await request(either, grant())).status).toBe(401);
    expect(either.issued).toHaveLength(0);
  });

  it('grants only allowed scopes, says so in `scope`, and refuses a request of which nothing is allowed', async () => {
    const emulator = await started(startOAuthClientCredentialsEmulator({ ...credentials, allowedScopes: ['read', 'report'] }));
    const reply = async (scope?: string) => {
      const response = await request(emulator, grant(scope === undefined ? {} : { scope }), { authorization: formBasic });
      return [response.status, await json(response)] as const;
    };
    const [, exact] = await reply('read report');
    expect(exact).not.toHaveProperty('scope');
    expect((await reply('read write'))[1]).toMatchObject({ token_type: 'Bearer', scope: 'read' });
    expect((await reply())[1]).toMatchObject({ scope: 'read report' });
    expect(await reply('admin')).toEqual([400, { error: 'invalid_scope', error_description: 'None of the requested scopes is allowed for this client' }]);
    expect(emulator.issued).toHaveLength(3);
    expect(await protectedStatus(emulator, String(exact.access_token))).toBe(200);
  });

  it('rejects wrong encodings, missing or foreign grant types and repeated parameters', async () => {
    const emulator = await started(startOAuthClientCredentialsEmulator(credentials));
    const errorOf = async (response: Promise<Response>): Promise<[number, unknown]> => {
      const settled = await response;
      return [settled.status, (await json(settled)).error];
    };
    const asJson = fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: formBasic },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(await errorOf(asJson)).toEqual([400, 'invalid_request']);
    expect(await errorOf(request(emulator, new URLSearchParams(), { authorization: formBasic }))).toEqual([400, 'invalid_request']);
    const password = new URLSearchParams({ grant_type: 'password' });
    expect(await errorOf(request(emulator, password, { authorization: formBasic }))).toEqual([400, 'unsupported_grant_type']);
    const repeated = 'grant_type=client_credentials&grant_type=client_credentials';
    const headers = { authorization: formBasic, 'content-type': 'application/x-www-form-urlencoded' };
    expect(await errorOf(request(emulator, repeated, headers))).toEqual([400, 'invalid_request']);
  });
});
