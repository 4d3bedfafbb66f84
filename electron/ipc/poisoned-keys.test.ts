import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_TOKEN } from '../../shared/tokens/token-status';
import { containedView } from '../core/providers/view-of-provider';
import type { StoredProvider } from '../core/store/keymint-document';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';

const harness = harnessesDisposedAfterEach();

const regionRecipe = (key: string) =>
  JSON.stringify({
    name: 'Regional',
    fields: [{ key, label: 'Region' }],
    request: { path: '/token', body: { type: 'json', fields: { region: `{{${key}}}` } } },
    response: { token: 'token' },
  });

interface Listed {
  name: string;
  problem: string | null;
}

describe('field keys that name built-in properties', () => {
  it('are refused as keys of field values across IPC', async () => {
    const app = harness();
    for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const result = await app.call('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: 'k-1', [key]: 'x' } });
      expect(result).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringContaining(`values.${key}`) });
    }
    expect(await app.value('providers:list')).toEqual([]);
  });

  it('are refused in a custom recipe', async () => {
    const app = harness();
    const result = await app.call('providers:create', { presetId: 'custom', name: 'Regional', baseUrl: 'https://auth.example.com', recipe: regionRecipe('valueOf'), values: {} });
    expect(result).toMatchObject({ ok: false, code: 'invalid-input', message: expect.stringContaining('"valueOf" is a name JavaScript objects already have') });
  });

  it('stored by an older version, show that one provider as broken with the others listed beside it', async () => {
    const app = harness();
    await app.value('providers:create', { presetId: 'custom', name: 'Regional', baseUrl: 'https://auth.example.com', recipe: regionRecipe('area'), values: { area: 'eu' } });
    await app.value('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: 'k-1' } });
    app.keymint.dispose();
    const document = JSON.parse(readFileSync(app.dataFile, 'utf8')) as { providers: { recipe: string | null }[] };
    const [regional] = document.providers;
    if (!regional) throw new Error('no stored provider');
    regional.recipe = regionRecipe('constructor');
    writeFileSync(app.dataFile, JSON.stringify(document));

    const again = harness({ dir: app.dir });
    const listed = await again.value<Listed[]>('providers:list');
    expect(listed.map((p) => [p.name, p.problem === null])).toEqual([
      ['Regional', false],
      ['Togai', true],
    ]);
    expect(listed[0]?.problem).toMatch(/"constructor" is a name JavaScript objects already have/);
  });
});

describe('a provider whose view cannot be built', () => {
  it('is shown broken, with no word from the failure, instead of failing the list', () => {
    const provider: StoredProvider = {
      id: 'p-1',
      name: 'Damaged',
      presetId: 'togai',
      baseUrl: 'https://api.togai.com',
      recipe: null,
      values: {},
      secrets: { apiKey: 'sealed' },
      settings: {},
      createdAt: 0,
    };
    const view = containedView(provider, () => {
      throw new TypeError('tokens.p-1.sealed is not a function (leaked-detail)');
    });
    expect(view).toMatchObject({ id: 'p-1', name: 'Damaged', status: NO_TOKEN, problem: expect.stringMatching(/cannot read .* Remove it/) });
    expect(view.problem).not.toContain('leaked-detail');
  });
});
