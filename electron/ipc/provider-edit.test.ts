import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTogaiEmulator, startXeniooEmulator, type Emulator } from '../../e2e/emulators';
import { openHarness, type Harness } from '../test-support/keymint-harness';

const KEY = 'togai-edit-key-41b7';
let emulator: Emulator | undefined;
let app: Harness | undefined;

afterEach(async () => {
  app?.keymint.dispose();
  await emulator?.close();
});

interface View {
  id: string;
  name: string;
  secretsSet: Record<string, boolean>;
  status: { state: string };
}

describe('editing a provider', () => {
  it('keeps a secret that is not retyped, and drops the token when credentials change', async () => {
    emulator = await startTogaiEmulator({ apiKey: KEY });
    app = openHarness();
    const { id } = await app.value<View>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: emulator.url, values: { apiKey: KEY } });

    const renamed = await app.value<View>('providers:update', { id, name: 'Togai prod' });
    expect(renamed.secretsSet).toEqual({ apiKey: true });
    expect((await app.value<View>('tokens:generate', { id })).status.state).toBe('valid');
    expect((await app.value<View>('providers:update', { id, name: 'Togai again' })).status.state).toBe('valid');

    const rekeyed = await app.value<View>('providers:update', { id, values: { apiKey: 'a-different-key' } });
    expect(rekeyed.status.state).toBe('none');
    expect((await app.value<View>('tokens:generate', { id })).status.state).toBe('error');
  });

  it('refuses a Welkin tenant of ".." at save time, on create and on edit', async () => {
    app = openHarness();
    const input = { presetId: 'welkin', name: 'Welkin', baseUrl: 'https://api.live.welkincloud.io', values: { tenant: '..', apiClient: 'VBOPNRYRWJIP', secret: 'welkin-secret' } };
    expect(await app.call('providers:create', input)).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringMatching(/^Tenant cannot be "\." or "\.\."/) });
    const { id } = await app.value<View>('providers:create', { ...input, values: { ...input.values, tenant: 'gh' } });
    expect(await app.call('providers:update', { id, values: { tenant: '%2E%2e' } })).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('flags a preset provider whose host its preset does not document', async () => {
    app = openHarness();
    const documented = await app.value<View & { customHost: string | null }>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: '', values: { apiKey: KEY } });
    expect(documented.customHost).toBeNull();
    const moved = await app.value<View & { customHost: string | null }>('providers:create', { presetId: 'togai', name: 'Elsewhere', baseUrl: 'https://api.example.net', values: { apiKey: KEY } });
    expect(moved.customHost).toBe('api.example.net');
  });

  it('refuses a bad edit and changes nothing', async () => {
    app = openHarness();
    const { id } = await app.value<View>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: KEY } });
    const before = readFileSync(app.dataFile, 'utf8');
    const insecure = await app.call('providers:update', { id, baseUrl: 'http://api.togai.com' });
    expect(insecure).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(insecure.ok ? '' : insecure.message).toMatch(/Refusing plain http/);
    expect(await app.call('providers:update', { id, values: { apiKey: '' } })).toMatchObject({ ok: false, message: 'API key is required.' });
    expect(await app.call('providers:update', { id, name: 42 })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(readFileSync(app.dataFile, 'utf8')).toBe(before);
  });

  it('clears optional secrets that go together only together', async () => {
    emulator = await startXeniooEmulator({ accountApiKey: 'account-key-1', bot: { apiKey: 'bot-key-1', secret: 'bot-secret-1' } });
    app = openHarness();
    const { id } = await app.value<View>('providers:create', {
      presetId: 'xenioo',
      name: 'Xenioo',
      baseUrl: emulator.url,
      values: { accountApiKey: 'account-key-1', botApiKey: 'bot-key-1', botApiSecret: 'bot-secret-1' },
    });
    expect(await app.call('providers:update', { id, values: { botApiKey: '' } })).toMatchObject({
      ok: false,
      message: 'Bot API key and Bot API secret go together: fill in both or neither.',
    });
    const cleared = await app.value<View>('providers:update', { id, values: { botApiKey: '', botApiSecret: '' } });
    expect(cleared.secretsSet).toEqual({ accountApiKey: true, botApiKey: false, botApiSecret: false });
    await app.value('tokens:generate', { id });
    expect((emulator.issued.at(-1) as { kind?: string } | undefined)?.kind).toBe('account');
  });
});

describe('stored secrets stay where they were saved for', () => {
  const recipe = (secret: boolean) =>
    JSON.stringify({
      name: 'Mine',
      fields: [{ key: 'apiKey', label: 'API key', secret }],
      request: { auth: { type: 'bearer', token: '{{apiKey}}' } },
      response: { token: 'token' },
    });

  it('a custom recipe edited to call a secret "not secret" never reveals the stored value', async () => {
    app = openHarness();
    const { id } = await app.value<View>('providers:create', { presetId: 'custom', name: 'Mine', baseUrl: 'https://api.example.com', recipe: recipe(true), values: { apiKey: KEY } });
    const result = await app.call('providers:update', { id, recipe: recipe(false) });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(JSON.stringify(await app.call('providers:list'))).not.toContain(KEY);
    expect(readFileSync(app.dataFile, 'utf8')).not.toContain(KEY);
  });

  it('moving to another server needs the secret typed again; the recipe’s own sandbox does not', async () => {
    app = openHarness();
    const { id } = await app.value<View>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: KEY } });
    const moved = await app.call('providers:update', { id, baseUrl: 'https://collector.example.net' });
    expect(moved).toMatchObject({
      ok: false,
      code: 'invalid-input',
      message: 'Type API key again: the provider moves to https://collector.example.net, and stored secrets are only sent where they were saved for.',
    });
    expect((await app.value<View>('providers:update', { id, baseUrl: 'https://sandbox-api.togai.com' })).secretsSet).toEqual({ apiKey: true });
    const retyped = await app.value<View & { baseUrl: string }>('providers:update', { id, baseUrl: 'https://togai.internal.example', values: { apiKey: 'typed-again-key' } });
    expect(retyped.baseUrl).toBe('https://togai.internal.example');
  });

  it('a custom recipe change needs its secrets typed again', async () => {
    app = openHarness();
    const { id } = await app.value<View>('providers:create', { presetId: 'custom', name: 'Mine', baseUrl: 'https://api.example.com', recipe: recipe(true), values: { apiKey: KEY } });
    const changed = recipe(true).replace('"token":"token"', '"token":"access_token"');
    expect(await app.call('providers:update', { id, recipe: changed })).toMatchObject({ ok: false, message: expect.stringMatching(/^Type API key again: the recipe changed/) });
    expect((await app.value<View>('providers:update', { id, recipe: changed, values: { apiKey: KEY } })).secretsSet).toEqual({ apiKey: true });
  });
});
