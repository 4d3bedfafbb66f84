import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCipher } from '../test-support/node-ports';
import { writeBackup } from '../core/transfer/backup-file';
import { fieldPlace } from '../core/vault/places';
import { TEST_KDF } from '../test-support/vault-helpers';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';

const harness = harnessesDisposedAfterEach();

const AUTHOR_KEY = 'author-planted-key-9f2c';
const collector = {
  name: 'Collector',
  fields: [{ key: 'apiKey', label: 'API key', secret: true }],
  baseUrl: { alternatives: [{ label: 'Backup', url: 'https://backup.example.org' }] },
  request: { path: '/token', auth: { type: 'bearer', token: '{{apiKey}}' } },
  response: { token: 'token' },
};
const recipesFile = JSON.stringify({
  format: 'keymint-recipes',
  version: 1,
  providers: [
    { name: 'Togai', preset: 'togai', baseUrl: '', values: { apiKey: AUTHOR_KEY } },
    { name: 'Collector', preset: 'custom', baseUrl: 'https://collector.example.net', values: { apiKey: AUTHOR_KEY }, recipe: collector },
  ],
});

interface Listed {
  id: string;
  name: string;
  secretsSet: Record<string, boolean>;
  missing: string[];
}

describe('importing a recipes file', () => {
  it('never stores a secret value it holds: dropped, named in the summary, the provider waits for the importer’s key', async () => {
    const app = harness();
    const result = await app.value('recipes:import', { content: recipesFile });
    expect(result).toEqual({
      added: 2,
      replaced: 0,
      skipped: 0,
      hosts: ['api.togai.com', 'collector.example.net'],
      droppedSecrets: ['Togai: API key', 'Collector: API key'],
    });
    const listed = await app.value<Listed[]>('providers:list');
    expect(listed.map((p) => [p.name, p.secretsSet, p.missing])).toEqual([
      ['Togai', { apiKey: false }, ['API key']],
      ['Collector', { apiKey: false }, ['API key']],
    ]);
    expect(readFileSync(app.dataFile, 'utf8')).not.toContain(AUTHOR_KEY);
  });

  it('twice adds nothing the second time: each provider is skipped, or replaced keeping the key added since', async () => {
    const app = harness();
    await app.value('recipes:import', { content: recipesFile });
    const [togai] = await app.value<Listed[]>('providers:list');
    await app.value('providers:update', { id: togai?.id, values: { apiKey: 'my-own-key-1234' } });

    expect(await app.value('recipes:import', { content: recipesFile })).toMatchObject({ added: 0, replaced: 0, skipped: 2, hosts: [] });
    expect(await app.value('recipes:import', { content: recipesFile, duplicates: 'replace' })).toMatchObject({ added: 0, replaced: 2, skipped: 0 });
    const listed = await app.value<Listed[]>('providers:list');
    expect(listed.map((p) => [p.id === togai?.id, p.name, p.secretsSet])).toEqual([
      [true, 'Togai', { apiKey: true }],
      [false, 'Collector', { apiKey: false }],
    ]);
  });

  it('refuses a recipe that gives a secret field a default (it would be the author’s key)', async () => {
    const app = harness();
    const planted = { ...collector, fields: [{ key: 'apiKey', label: 'API key', secret: true, default: AUTHOR_KEY }] };
    const content = JSON.stringify({ format: 'keymint-recipes', version: 1, providers: [{ name: 'Planted', preset: 'custom', baseUrl: 'https://collector.example.net', recipe: planted }] });
    expect(await app.call('recipes:import', { content })).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringContaining('a secret field cannot have a default') });
    expect(await app.value('providers:list')).toEqual([]);
  });
});

describe('importing a backup into the vault it came from', () => {
  it('matches each provider by id: skipped, or replaced with the backup’s definition and secrets', async () => {
    const app = harness();
    const { id } = await app.value<Listed>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: 'backed-up-key-77' } });
    const { savedTo } = await app.value<{ savedTo: string }>('backup:export', { passphrase: 'backup passphrase' });
    const content = readFileSync(savedTo, 'utf8');
    await app.value('providers:update', { id, name: 'Togai renamed' });

    expect(await app.value('backup:import', { content, passphrase: 'backup passphrase' })).toMatchObject({ added: 0, replaced: 0, skipped: 1 });
    expect((await app.value<Listed[]>('providers:list')).map((p) => p.name)).toEqual(['Togai renamed']);

    expect(await app.value('backup:import', { content, passphrase: 'backup passphrase', duplicates: 'replace' })).toMatchObject({
      added: 0,
      replaced: 1,
      hosts: ['api.togai.com'],
    });
    const listed = await app.value<Listed[]>('providers:list');
    expect(listed.map((p) => [p.id, p.name, p.secretsSet])).toEqual([[id, 'Togai', { apiKey: true }]]);
  });
});

describe('saving a new provider', () => {
  it('twice with one request key (a double click) creates one provider', async () => {
    const app = harness();
    await app.value('vault:setup', { method: 'keychain' });
    const input = { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: 'k-12345' }, requestKey: 'form-7d1e2c44a9b0f3e1' };
    const [first, second] = await Promise.all([app.value<Listed>('providers:create', input), app.value<Listed>('providers:create', input)]);
    expect(second?.id).toBe(first?.id);
    expect(await app.value<Listed[]>('providers:list')).toHaveLength(1);
    await app.value('providers:create', { ...input, requestKey: 'form-other-5b8a1f0c2d' });
    expect(await app.value<Listed[]>('providers:list')).toHaveLength(2);
  });
});

describe('restoring an older backup', () => {
  it('keeps a custom provider whose recipe a newer rule refuses: shown as broken, its key sealed, the rest restored', async () => {
    const cipher = testCipher();
    const oldRecipe = JSON.stringify({ ...collector, header: { name: 'X Shop Token', scheme: '' } });
    const stored = (id: string, name: string, presetId: 'custom' | 'togai', recipe: string | null, key: string) => ({
      id,
      name,
      presetId,
      baseUrl: presetId === 'custom' ? 'https://shop.example.net' : 'https://api.togai.com',
      recipe,
      values: {},
      secrets: { apiKey: cipher.encrypt(key, fieldPlace(id, 'apiKey')) },
      settings: {},
      createdAt: 0,
    });
    const content = await writeBackup(
      [stored(randomUUID(), 'Shop', 'custom', oldRecipe, 'shop-key-Qw82'), stored(randomUUID(), 'Togai', 'togai', null, 'togai-key-Lp31')],
      cipher,
      'older backup passphrase',
      { now: 0, kdf: TEST_KDF },
    );

    const app = harness();
    const result = await app.value<{ added: number }>('backup:import', { content, passphrase: 'older backup passphrase' });
    expect(result.added).toBe(2);
    const listed = await app.value<{ name: string; problem: string | null; secretsSet: Record<string, boolean> }[]>('providers:list');
    expect(listed.map((p) => [p.name, p.problem === null, p.secretsSet.apiKey])).toEqual([
      ['Shop', false, true],
      ['Togai', true, true],
    ]);
    expect(listed[0]?.problem).toMatch(/"X Shop Token" is not a valid header name/);
    const file = readFileSync(app.dataFile, 'utf8');
    expect(file).not.toContain('shop-key-Qw82');
    expect(file).not.toContain('togai-key-Lp31');
  });
});

describe('a custom recipe from a shared file', () => {
  it('keeps none of its values: a credential hidden in a field marked plain is dropped and named too', async () => {
    const planter = {
      name: 'Planter',
      fields: [{ key: 'account', label: 'Account', secret: false }],
      request: { path: '/token', auth: { type: 'bearer', token: '{{account}}' } },
      response: { token: 'token' },
    };
    const file = JSON.stringify({
      format: 'keymint-recipes',
      version: 1,
      providers: [{ name: 'Planter', preset: 'custom', baseUrl: 'https://planter.example.net', values: { account: AUTHOR_KEY }, recipe: planter }],
    });
    const app = harness();
    await app.value('vault:setup', { method: 'keychain' });
    const result = await app.value<{ added: number; droppedSecrets: string[] }>('recipes:import', { content: file });
    expect(result).toMatchObject({ added: 1, droppedSecrets: ['Planter: Account'] });
    const [listed] = await app.value<{ values: Record<string, string>; missing: string[] }[]>('providers:list');
    expect(listed?.values).toEqual({});
    expect(listed?.missing).toEqual(['Account']);
    expect(readFileSync(app.dataFile, 'utf8')).not.toContain(AUTHOR_KEY);
  });
});

describe('replacing from a recipes file', () => {
  it('keeps the stored key and values of a custom provider whose recipe the file re-indented', async () => {
    const app = harness();
    await app.value('vault:setup', { method: 'keychain' });
    const recipe = JSON.stringify({ ...collector, fields: [...collector.fields, { key: 'team', label: 'Team' }], request: { ...collector.request, path: '/token/{{team}}' } }, null, 4);
    await app.value('providers:create', { presetId: 'custom', name: 'Collector', baseUrl: 'https://collector.example.net', recipe, values: { apiKey: 'my-own-key-5d1', team: 'blue' } });
    await app.value('recipes:export');
    const saved = readFileSync(join(app.dir, 'saved', 'keymint-recipes.json'), 'utf8');

    const result = await app.value<{ replaced: number }>('recipes:import', { content: saved, duplicates: 'replace' });
    expect(result.replaced).toBe(1);
    const [listed] = await app.value<{ values: Record<string, string>; secretsSet: Record<string, boolean>; missing: string[] }[]>('providers:list');
    expect(listed).toMatchObject({ values: { team: 'blue' }, secretsSet: { apiKey: true }, missing: [] });
  });
});
