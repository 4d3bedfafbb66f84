import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harnessesDisposedAfterEach, type Harness } from '../test-support/keymint-harness';

const harness = harnessesDisposedAfterEach();

interface Listed {
  id: string;
  name: string;
  presetId: string;
  problem: string | null;
}

/** A vault with two Togai providers, then its data file changed as a later version might write it. */
async function vaultEditedBy(change: (provider: Record<string, unknown>) => void): Promise<Harness> {
  const app = harness();
  const add = (name: string) =>
    app.value<{ id: string }>('providers:create', { presetId: 'togai', name, baseUrl: 'https://api.togai.com', values: { apiKey: 'stored-format-key' } });
  await add('Later');
  await add('Togai');
  app.keymint.dispose();
  const document = JSON.parse(readFileSync(app.dataFile, 'utf8')) as { providers: Record<string, unknown>[] };
  change(document.providers[0] ?? {});
  writeFileSync(app.dataFile, JSON.stringify(document));
  const again = harness({ dir: app.dir });
  await again.keymint.start();
  return again;
}

describe('the stored format is its own, not the IPC contract', () => {
  it('a preset this version does not know leaves the file readable; that provider is shown as needing attention and can be removed', async () => {
    const app = await vaultEditedBy((provider) => {
      provider.presetId = 'zapier-webhooks';
    });
    const listed = await app.value<Listed[]>('providers:list');
    expect(listed.map((p) => [p.name, p.presetId, p.problem === null])).toEqual([
      ['Later', 'zapier-webhooks', false],
      ['Togai', 'togai', true],
    ]);
    expect(listed[0]?.problem).toMatch(/does not know the preset "zapier-webhooks"\. Remove this provider/);
    expect(await app.call('tokens:generate', { id: listed[0]?.id })).toMatchObject({ ok: false, code: 'invalid-input' });

    await app.value('providers:remove', { id: listed[0]?.id });
    expect((await app.value<Listed[]>('providers:list')).map((p) => p.name)).toEqual(['Togai']);
  });

  it('settings outside what the form allows today stay readable', async () => {
    const app = await vaultEditedBy((provider) => {
      provider.settings = { timeoutSeconds: 600, lifetimeSeconds: 0.5 };
    });
    const listed = await app.value<{ name: string; settings: Record<string, number> }[]>('providers:list');
    expect(listed.map((p) => p.name)).toEqual(['Later', 'Togai']);
    // The form cannot show them; the view leaves them out rather than failing the board.
    expect(listed[0]?.settings).toEqual({});
  });
});
