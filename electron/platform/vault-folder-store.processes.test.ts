import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentRepository } from '../core/store/document-repository';
import { readTokenCache } from '../core/store/token-cache';
import { storedProvider, storedToken } from '../test-support/stored-samples';
import { vaultChildrenPerTest } from '../test-support/vault-child-process';
import { openJsonFileStore } from './json-file-store';
import { openVaultFolderStore } from './vault-folder-store';

/** Several Keymint processes on one vault folder: real processes, real files. */
const { freshDir, start } = vaultChildrenPerTest('keymint-vault-processes-');

/** Split from the first provider, replaced files removed at once (as the children's `sharded` writers do). */
const SHARDED = { singleFileUpToBytes: 0, retireGraceMs: 0 } as const;

const providerIds = (dir: string) => new DocumentRepository(openVaultFolderStore(dir)).current.providers.map((p) => p.id);

describe('processes sharing a vault folder', () => {
  it('two processes writing to one vault in a loop lose nothing: every provider and every token', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    const count = 150;
    const writers = [start(['add-providers', dir, 'left', String(count)]), start(['add-providers', dir, 'right', String(count)])];
    // This process writes too, through its own repository, between theirs.
    const here = new DocumentRepository(openVaultFolderStore(dir));
    for (let i = 1; i <= 30; i++) {
      here.update((doc) => ({ ...doc, providers: [...doc.providers, storedProvider(`here-${i}`)] }));
      here.putToken(`here-${i}`, storedToken(i));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await here.flush();
    await Promise.all(writers.map((child) => child.exited));
    for (const child of writers) expect(child.lines).toEqual(['done']);

    const expected = ['left', 'right', 'here'].flatMap((name) => Array.from({ length: name === 'here' ? 30 : count }, (_, i) => `${name}-${i + 1}`)).sort();
    expect(providerIds(dir).sort()).toEqual(expected);
    const tokens = readTokenCache(openVaultFolderStore(dir).readTokens());
    expect([...tokens.keys()].sort()).toEqual(expected);
  });

  it('a running process hears another process’s document and token changes, and never its own', async () => {
    const dir = freshDir();
    const store = openVaultFolderStore(dir, { tokenWindowMs: 10 });
    const repository = new DocumentRepository(store);
    const heard: string[] = [];
    const stop = repository.follow((change) => heard.push(change.file), (error) => heard.push(`failed: ${String(error)}`));

    repository.update((doc) => ({ ...doc, providers: [storedProvider('mine')] }));
    repository.putToken('mine', storedToken(1));
    await repository.flush();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual([]);

    await start(['add-providers', dir, 'theirs', '1']).exited;
    await expect.poll(() => [...new Set(heard)].sort()).toEqual(['document', 'tokens']);
    expect(repository.current.providers.map((p) => p.id)).toEqual(['mine', 'theirs-1']);
    expect(repository.tokenHolders().sort()).toEqual(['mine', 'theirs-1']);
    stop();
  });

  it.each([
    ['kept in one file', undefined],
    ['split into shard files', SHARDED],
  ] as const)('a process killed (SIGKILL) while writing documents (%s) and tokens never damages either file or loses a reported save', { timeout: 60_000 }, async (_, shards) => {
    const dir = freshDir();
    let kills = 0;
    let reported = 0;
    for (let run = 0; run < 10; run++) {
      const writer = start(['write-forever', dir, ...(shards ? ['sharded'] : [])]);
      const killAfter = 1 + Math.floor(Math.random() * 60);
      await writer.line(`saved ${killAfter}`);
      // 0-3 ms later lands anywhere in a document write or a token commit.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 4)));
      writer.process.kill('SIGKILL');
      const { signal } = await writer.exited;
      if (signal === 'SIGKILL') kills += 1;
      const saves = writer.lines.filter((line) => line.startsWith('saved ')).length;

      // Both files read whole; the document holds every provider whose save was reported (and at most one more).
      const document = openVaultFolderStore(dir, { shards }).read() as { providers: unknown[] };
      expect(document.providers.length).toBeGreaterThanOrEqual(reported + saves);
      expect(document.providers.length).toBeLessThanOrEqual(reported + saves + 1);
      reported = document.providers.length;
      expect(() => openJsonFileStore(join(dir, 'tokens.json')).read()).not.toThrow();
      // Opening again clears the dead writer's temp files; its lock, if it held one, is taken over by the next.
      openVaultFolderStore(dir);
      expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    }
    expect(kills).toBeGreaterThan(0);
    expect(providerIds(dir)).toHaveLength(reported);
  });

  it('a process killed (SIGKILL) in the middle of a change to every shard leaves the document all old or all new', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    let kills = 0;
    let generation = 0;
    for (let run = 0; run < 10; run++) {
      const writer = start(['rewrite-forever', dir, '300']);
      await writer.line(`saved ${generation + 1 + Math.floor(Math.random() * 4)}`);
      // One change writes 32 shard files and the head: 0-9 ms later lands anywhere in it, or in the sweep after.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10)));
      writer.process.kill('SIGKILL');
      const { signal } = await writer.exited;
      if (signal === 'SIGKILL') kills += 1;
      const lastReported = Math.max(...writer.lines.filter((line) => line.startsWith('saved ')).map((line) => Number(line.slice('saved '.length))));

      const names = new Set((openVaultFolderStore(dir).read() as { providers: { name: string }[] }).providers.map((p) => p.name));
      expect(names.size).toBe(1);
      generation = Number([...names][0]);
      expect(generation).toBeGreaterThanOrEqual(lastReported);
      expect(generation).toBeLessThanOrEqual(lastReported + 1);
    }
    expect(kills).toBeGreaterThan(0);
    // The next write removes what the killed writers left: only the files the head names stay.
    const store = openVaultFolderStore(dir, { shards: SHARDED });
    store.update((latest) => ({ ...(latest as object), settings: { autoLockMinutes: 1 } }));
    const head = JSON.parse(readFileSync(join(dir, 'keymint.json'), 'utf8')) as { $providers: { shards: unknown[] } };
    expect(readdirSync(join(dir, 'keymint.providers')).sort()).toEqual(head.$providers.shards.filter((entry) => typeof entry === 'string').sort());
    expect((store.read() as { providers: unknown[] }).providers).toHaveLength(300);
  });

  it('a process reading while another writes, removing the files it replaced at once, always reads one whole document', { timeout: 60_000 }, async () => {
    const dir = freshDir();
    // One provider a change: a change takes about as long as reading every shard, so reads often overlap one.
    const writer = start(['rewrite-forever', dir, '200', 'one']);
    await writer.line('saved 2');
    const store = openVaultFolderStore(dir);
    const seen = new Set<number>();
    let newest = 0;
    for (const until = Date.now() + 2_000; Date.now() < until; ) {
      const names = (store.read() as { providers: { name: string }[] }).providers.map((p) => Number(p.name));
      expect(names).toHaveLength(200);
      const latest = Math.max(...names);
      expect(latest).toBeGreaterThanOrEqual(newest);
      newest = latest;
      seen.add(latest);
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});
