import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTogaiEmulator, startXeniooEmulator, type Emulator } from '../../e2e/emulators';
import { openHarness, type Harness } from './keymint-harness.test-support';

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
