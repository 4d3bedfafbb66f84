import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTogaiEmulator, type TogaiEmulator } from '../../e2e/emulators';
import { openHarness, type Harness } from '../test-support/keymint-harness';

const API_KEY = 'togai-claims-key-31c8';
const PASSPHRASE = 'claims passphrase';
let togai: TogaiEmulator | undefined;
const open: Harness[] = [];

afterEach(async () => {
  open.splice(0).forEach((h) => h.keymint.dispose());
  await togai?.close();
});

type Listed = { id: string; status: Record<string, unknown> }[];
type Details = { token: { jwt: { claims: Record<string, string> } | null } | null };

describe('JWT claims', () => {
  it('are read from the sealed token: not in the data file nor the list, shown in the details only while unlocked', async () => {
    togai = await startTogaiEmulator({ apiKey: API_KEY });
    const app = openHarness();
    open.push(app);
    await app.value('vault:setup', { method: 'passphrase', passphrase: PASSPHRASE });
    const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: togai.url, values: { apiKey: API_KEY } });
    await app.value('tokens:generate', { id });
    expect((await app.value<Details>('tokens:details', { id })).token?.jwt?.claims).toMatchObject({ sub: 'togai-api-key' });
    // The list carries no claims at all: listing a thousand providers opens no sealed token.
    const [listed] = await app.value<Listed>('providers:list');
    expect(listed?.status).toMatchObject({ state: 'valid' });
    expect(JSON.stringify(listed)).not.toContain('togai-api-key');
    expect(readFileSync(app.dataFile, 'utf8')).not.toContain('togai-api-key');

    await app.value('vault:lock');
    const [locked] = await app.value<Listed>('providers:list');
    expect(locked?.status).toMatchObject({ state: 'valid' });
    expect(await app.call('tokens:details', { id })).toMatchObject({ ok: false, code: 'locked' });

    await app.value('vault:unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect((await app.value<Details>('tokens:details', { id })).token?.jwt?.claims).toMatchObject({ sub: 'togai-api-key' });
  });

  it('kept in clear by an older Keymint are dropped when the file is opened, with the tokens of that format', async () => {
    togai = await startTogaiEmulator({ apiKey: API_KEY });
    const first = openHarness();
    open.push(first);
    await first.value('vault:setup', { method: 'keychain' });
    const { id } = await first.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: togai.url, values: { apiKey: API_KEY } });
    await first.value('tokens:generate', { id });
    await first.keymint.dispose();
    // As format 1 wrote it: tokens in the data file, the claims in clear beside the sealed record.
    const doc = JSON.parse(readFileSync(first.dataFile, 'utf8'));
    const record = JSON.parse(readFileSync(first.tokensFile, 'utf8')).tokens[id];
    delete record.requestDigest;
    doc.version = 1;
    doc.tokens = { [id]: { ...record, claims: { sub: 'alice@example.com' } } };
    writeFileSync(first.dataFile, JSON.stringify(doc));
    rmSync(first.tokensFile);

    const again = openHarness({ dir: first.dir });
    open.push(again);
    await again.keymint.start();
    await again.value('vault:set-auto-lock', { minutes: 30 });
    expect(readFileSync(again.dataFile, 'utf8')).not.toContain('alice@example.com');
    const [listed] = await again.value<Listed>('providers:list');
    expect(listed?.status.state).toBe('none');
    expect(JSON.stringify(listed)).not.toContain('alice@example.com');
    await again.value('tokens:generate', { id });
    expect((await again.value<Listed>('providers:list'))[0]?.status.state).toBe('valid');
  });
});
