import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHarness } from '../test-support/keymint-harness';

const togai = { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: 'togai-key-1234' } };

describe('an unreadable data file', () => {
  it.each([
    ['truncated JSON', '{"version":1,"providers":[{"id":'],
    ['not JSON at all', '\u0000\u0001garbage'],
    ['JSON of the wrong shape', '{"version":1,"providers":"nope"}'],
    ['a newer data format', '{"version":99,"providers":[],"tokens":{}}'],
  ])('(%s) is reported plainly, refused for every use, and left byte for byte', async (_, content) => {
    const dir = mkdtempSync(join(tmpdir(), 'keymint-corrupt-'));
    writeFileSync(join(dir, 'keymint.json'), content);
    const app = openHarness({ dir });

    const status = await app.value<{ state: string; problem: string }>('vault:status');
    expect(status.state).toBe('unreadable');
    expect(status.problem).toMatch(/could not be read|not changed/i);
    const list = await app.call('providers:list');
    expect(list).toMatchObject({ ok: false, code: 'vault' });
    expect(await app.call('providers:create', togai)).toMatchObject({ ok: false, code: 'vault' });
    expect(readFileSync(app.dataFile, 'utf8')).toBe(content);
    app.keymint.dispose();
  });

  it('is set aside under a timestamped name only when the user starts a new vault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keymint-corrupt-'));
    writeFileSync(join(dir, 'keymint.json'), '{broken');
    const app = openHarness({ dir });

    const fresh = await app.value<{ state: string; movedTo: string }>('vault:start-fresh');
    expect(fresh.state).toBe('uninitialized');
    const aside = readdirSync(dir).filter((name) => /^keymint\.corrupt-\d{8}-\d{6}(-\d+)?\.json$/.test(name));
    expect(aside).toHaveLength(1);
    // The user is told where the old file went.
    expect(fresh.movedTo).toBe(join(dir, aside[0] ?? ''));
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{broken');

    await app.value('providers:create', togai);
    expect(await app.value<unknown[]>('providers:list')).toHaveLength(1);
    expect(await app.call('vault:start-fresh')).toMatchObject({ ok: false, code: 'vault' });
    app.keymint.dispose();
  });
});
