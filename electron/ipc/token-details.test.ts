import { describe, expect, it } from 'vitest';
import { startHighlineEmulator, startOAuthClientCredentialsEmulator, startTogaiEmulator } from '../../e2e/emulators';
import type { CredentialTest, ProviderDetails, RecipeTrial } from '../../shared/ipc/details-view';
import { channels } from '../../shared/ipc/contract';
import { closeAfterEach } from '../test-support/node-ports';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';

const started = closeAfterEach();
const harness = harnessesDisposedAfterEach();

const CLIENT_ID = 'details-client';
const CLIENT_SECRET = 'details-secret-Vq71/+x';
const BASIC = Buffer.from(`${CLIENT_ID}:${encodeURIComponent(CLIENT_SECRET).replace(/%20/g, '+')}`).toString('base64');
const TOGAI_KEY = 'tg_details_Hx82nQ';

/** What the page got, as text: every test asserts that no raw secret or token is in it. */
function expectNone(output: unknown, values: (string | undefined)[]): void {
  const text = JSON.stringify(output);
  for (const value of values) if (value) expect(text).not.toContain(value);
}

async function oauthProvider() {
  const emulator = await started(startOAuthClientCredentialsEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }));
  const app = harness();
  const { id } = await app.value<{ id: string }>('providers:create', {
    presetId: 'oauth2-client-credentials',
    name: 'Orders',
    baseUrl: `${emulator.url}/oauth/token`,
    values: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  });
  return { emulator, app, id };
}

describe('tokens:details', () => {
  it('describes the held token and the exchange, with no token, secret or Basic credential in it', async () => {
    const { emulator, app, id } = await oauthProvider();
    await app.value('tokens:generate', { id });
    const details = await app.value<ProviderDetails>('tokens:details', { id });

    const token = emulator.issued.at(-1)?.token ?? '';
    expect(token.length).toBeGreaterThan(16);
    expect(details.token?.preview).toBe(`${token.slice(0, 4)}••••••••${token.slice(-4)}`);
    expect(details.token?.expirySource).toMatch(/expires_in/);
    expect(details.exchanges).toHaveLength(1);
    const [exchange] = details.exchanges;
    expect(exchange).toMatchObject({ kind: 'authenticate', status: 200, failure: null, request: { method: 'POST' } });
    expect(exchange?.request.headers).toContainEqual(['Authorization', 'Basic [redacted]']);
    expect(JSON.parse(exchange?.response?.body ?? '')).toMatchObject({ access_token: '[redacted]', token_type: 'Bearer', expires_in: 3600 });
    expect(details.renewals).toEqual([{ at: expect.any(String), trigger: 'manual', outcome: 'renewed', detail: null }]);
    expectNone(details, [token, CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), BASIC]);
  });

  it('decodes the JWT header and claims, never the signature', async () => {
    const togai = await started(startTogaiEmulator({ apiKey: TOGAI_KEY }));
    const app = harness();
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: TOGAI_KEY } });
    await app.value('tokens:generate', { id });
    const details = await app.value<ProviderDetails>('tokens:details', { id });
    const token = togai.issued.at(-1)?.token ?? '';
    expect(details.token?.jwt?.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(details.token?.jwt?.claims).toMatchObject({ iat: expect.stringMatching(/^\d+$/), exp: expect.stringMatching(/^\d+$/) });
    expectNone(details, [token, token.split('.')[2], TOGAI_KEY]);
  });

  it('keeps the last 20 exchanges, refreshes among them, with no access or refresh token anywhere', async () => {
    const highline = await started(startHighlineEmulator({ apiKey: 'hl-details-key', secret: 'hl-details-secret' }));
    const app = harness();
    const { id } = await app.value<{ id: string }>('providers:create', {
      presetId: 'highline',
      name: 'Highline',
      baseUrl: highline.url,
      values: { apiKey: 'hl-details-key', secret: 'hl-details-secret' },
    });
    for (let i = 0; i < 23; i++) await app.value('tokens:generate', { id });
    const details = await app.value<ProviderDetails>('tokens:details', { id });
    expect(details.exchanges).toHaveLength(20);
    expect(details.renewals).toHaveLength(20);
    expect(details.exchanges[0]?.kind).toBe('refresh');
    expect(details.exchanges[0]?.request.body).toMatch(/"refresh_token": "\[redacted\]"/);
    expectNone(details, [
      'hl-details-key',
      'hl-details-secret',
      ...highline.issued.flatMap((issued) => [issued.token, issued.refreshToken]),
    ]);
  });

  it('is emptied when the vault locks', async () => {
    const { app, id } = await oauthProvider();
    await app.value('tokens:generate', { id });
    await app.value('vault:lock');
    expect(await app.call('tokens:details', { id })).toMatchObject({ ok: false, code: 'locked' });
    await app.value('vault:unlock', { method: 'keychain' });
    const details = await app.value<ProviderDetails>('tokens:details', { id });
    expect(details.exchanges).toEqual([]);
    expect(details.renewals).toEqual([]);
  });

  it('its schema has no field that could carry a token', () => {
    const shape = JSON.stringify(Object.keys(channels['tokens:details'].output.shape.token.unwrap().shape));
    expect(shape).not.toMatch(/"token"|"raw"|"value"|"signature"/);
  });
});

describe('tokens:test', () => {
  it('reports a failure and keeps the valid token, which still copies', async () => {
    const { emulator, app, id } = await oauthProvider();
    await app.value('tokens:generate', { id });
    const held = emulator.issued.at(-1)?.token ?? '';
    emulator.failNext(500, { error: 'server_error', error_description: `broken; your secret ${CLIENT_SECRET}` });

    const test = await app.value<CredentialTest>('tokens:test', { id });
    expect(test).toMatchObject({ ok: false, status: 500, stored: false, error: { code: 'http' } });
    expect(test.durationMs).toBeGreaterThanOrEqual(0);
    expect(test.exchange?.response?.body).toContain('[redacted]');
    expectNone(test, [held, CLIENT_SECRET, BASIC]);

    await app.value('tokens:copy', { id, format: 'raw' });
    expect(app.clipboard.text).toBe(held);
    const details = await app.value<ProviderDetails>('tokens:details', { id });
    expect(details.renewals[0]).toMatchObject({ trigger: 'test', outcome: 'failed' });
  });

  it('stores the new token when it succeeds, as Generate does', async () => {
    const { emulator, app, id } = await oauthProvider();
    await app.value('tokens:generate', { id });
    const test = await app.value<CredentialTest>('tokens:test', { id });
    expect(test).toMatchObject({ ok: true, status: 200, stored: true, error: null });
    await app.value('tokens:copy', { id, format: 'raw' });
    expect(app.clipboard.text).toBe(emulator.issued.at(-1)?.token);
    expect(emulator.issued).toHaveLength(2);
  });

  it('authenticates in full even when a refresh token is held', async () => {
    const highline = await started(startHighlineEmulator({ apiKey: 'hl-test-key', secret: 'hl-test-secret' }));
    const app = harness();
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'highline', name: 'Highline', baseUrl: highline.url, values: { apiKey: 'hl-test-key', secret: 'hl-test-secret' } });
    await app.value('tokens:generate', { id });
    const test = await app.value<CredentialTest>('tokens:test', { id });
    expect(test.exchange?.kind).toBe('authenticate');
    expect(highline.refreshCount).toBe(0);
  });
});

describe('recipes:try', () => {
  const recipe = (tokenPath: string) =>
    JSON.stringify({
      name: 'Tried',
      fields: [{ key: 'apiKey', label: 'API key', secret: true }],
      request: { path: '/authenticate', method: 'POST', headers: { Accept: 'application/json' }, auth: { type: 'bearer', token: '{{apiKey}}' } },
      response: { token: tokenPath },
    });

  it('says what the mapping found, shows the redacted reply, and saves nothing', async () => {
    const togai = await started(startTogaiEmulator({ apiKey: TOGAI_KEY }));
    const app = harness();
    const trial = await app.value<RecipeTrial>('recipes:try', { presetId: 'custom', baseUrl: togai.url, values: { apiKey: TOGAI_KEY }, recipe: recipe('token') });
    expect(trial).toMatchObject({ ok: true, tokenFound: true, expirySource: expect.stringMatching(/JWT/i), error: null });
    expect(trial.exchanges).toHaveLength(1);
    expect(trial.exchanges[0]?.request.headers).toContainEqual(['Authorization', 'Bearer [redacted]']);
    expectNone(trial, [TOGAI_KEY, togai.issued.at(-1)?.token]);
    expect(await app.value('providers:list')).toEqual([]);
  });

  it('says when no token is where the recipe looks', async () => {
    const togai = await started(startTogaiEmulator({ apiKey: TOGAI_KEY }));
    const app = harness();
    const trial = await app.value<RecipeTrial>('recipes:try', { presetId: 'custom', baseUrl: togai.url, values: { apiKey: TOGAI_KEY }, recipe: recipe('data.access') });
    expect(trial).toMatchObject({ ok: false, tokenFound: false, error: { code: 'mapping' } });
    expect(trial.exchanges[0]?.response?.body).toContain('"token": "[redacted]"');
    expectNone(trial, [TOGAI_KEY, togai.issued.at(-1)?.token]);
  });

  it("uses a provider's stored secret only where it was saved for", async () => {
    const togai = await started(startTogaiEmulator({ apiKey: TOGAI_KEY }));
    const elsewhere = await started(startTogaiEmulator({ apiKey: TOGAI_KEY }));
    const app = harness();
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: TOGAI_KEY } });
    const same = await app.value<RecipeTrial>('recipes:try', { id, presetId: 'togai', baseUrl: togai.url, values: {} });
    expect(same.ok).toBe(true);
    const moved = await app.call('recipes:try', { id, presetId: 'togai', baseUrl: elsewhere.url, values: {} });
    expect(moved).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(elsewhere.tokenRequests).toBe(0);
  });
});
