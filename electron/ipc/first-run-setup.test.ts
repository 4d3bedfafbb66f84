import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../test-support/keymint-harness';

const togai = { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: 'togai-first-run-key-9b1f' } };
const open: Harness[] = [];
afterEach(() => open.splice(0).forEach((h) => h.keymint.dispose()));

function firstRun(): Harness {
  const app = openHarness();
  open.push(app);
  return app;
}

describe('first run', () => {
  it('with a passphrase chosen in the set-up panel, adding a provider asks to finish set-up instead of using the keychain', async () => {
    const app = firstRun();
    const status = await app.value<{ setupMethod: string | null }>('vault:choose-setup', { method: 'passphrase' });
    expect(status.setupMethod).toBe('passphrase');
    expect(await app.call('providers:create', togai)).toMatchObject({ ok: false, code: 'setup-required', message: expect.stringContaining('Set up vault') });
    expect(await app.value<{ state: string; slots: string[] }>('vault:status')).toMatchObject({ state: 'uninitialized', slots: [] });

    await app.value('vault:setup', { method: 'passphrase', passphrase: 'chosen passphrase' });
    await app.value('providers:create', togai);
    expect(await app.value('vault:status')).toMatchObject({ state: 'unlocked', slots: ['passphrase'], setupMethod: null });
  });

  it('without a choice (or with the keychain chosen) the keychain is still the default', async () => {
    const app = firstRun();
    await app.value('vault:choose-setup', { method: 'passphrase' });
    await app.value('vault:choose-setup', { method: 'keychain' });
    await app.value('providers:create', togai);
    expect(await app.value('vault:status')).toMatchObject({ state: 'unlocked', slots: ['keychain'] });
  });

  it('Save right after "Set up vault" waits for the set-up instead of racing it', async () => {
    const app = firstRun();
    await app.value('vault:choose-setup', { method: 'passphrase' });
    const [setUp, created] = await Promise.all([
      app.call('vault:setup', { method: 'passphrase', passphrase: 'chosen passphrase' }),
      app.call('providers:create', togai),
    ]);
    expect(setUp.ok && created.ok).toBe(true);
    expect(JSON.parse(readFileSync(app.dataFile, 'utf8')).vault).toHaveProperty('passphrase');
  });

  it('"Set up vault" with the keychain after a Save already set it up by default is not an error', async () => {
    const app = firstRun();
    await app.value('providers:create', togai);
    expect(await app.value('vault:setup', { method: 'keychain' })).toMatchObject({ state: 'unlocked', slots: ['keychain'] });
    expect(await app.call('vault:setup', { method: 'passphrase', passphrase: 'too late passphrase' })).toMatchObject({ ok: false });
  });
});
