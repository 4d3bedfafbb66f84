import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVaultFolderStore } from '../../platform/vault-folder-store';
import { storedProvider } from '../../test-support/stored-samples';
import { DocumentRepository } from './document-repository';
import type { StoredProvider } from './keymint-document';
import { requestDigest, requestState } from './request-state';

const root = mkdtempSync(join(tmpdir(), 'keymint-request-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNumber = 0;
const freshDir = () => mkdtempSync(join(root, `case-${(caseNumber += 1)}-`));
const openRepository = (dir: string) => new DocumentRepository(openVaultFolderStore(dir, { tokenWindowMs: 10 }));
const digestOf = (provider: StoredProvider) => requestDigest(requestState({ ...provider }));
/** The providers as written in the file (the document alone holds them while it is small). */
const providersOnDisk = (dir: string) => (JSON.parse(readFileSync(join(dir, 'keymint.json'), 'utf8')) as { providers: StoredProvider[] }).providers;

describe('a provider’s request digest, written with it', () => {
  it('is written with every provider, and a provider changed by copying gets its own, not its original’s', () => {
    const dir = freshDir();
    const repository = openRepository(dir);
    repository.update((doc) => ({ ...doc, providers: [storedProvider('a'), storedProvider('b')] }));
    const [a] = providersOnDisk(dir);
    expect(a?.requestDigest).toBe(digestOf(storedProvider('a')));

    const original = repository.provider('a')!;
    const moved = { ...original, baseUrl: 'https://api.sandbox.togai.com' };
    expect(moved.requestDigest).toBe(original.requestDigest);
    repository.update((doc) => ({ ...doc, providers: doc.providers.map((p) => (p.id === 'a' ? moved : p)) }));

    const written = providersOnDisk(dir).find((p) => p.id === 'a');
    expect(written?.baseUrl).toBe('https://api.sandbox.togai.com');
    expect(written?.requestDigest).toBe(digestOf(moved));
    expect(written?.requestDigest).not.toBe(original.requestDigest);
    expect(repository.requestDigest('a')).toBe(digestOf(moved));
  });

  it('is what another process reads back, so the tokens it holds are checked against the provider as it is', () => {
    const dir = freshDir();
    openRepository(dir).update((doc) => ({ ...doc, providers: [storedProvider('a')] }));
    const reader = openRepository(dir);
    expect(reader.requestDigest('a')).toBe(digestOf(storedProvider('a')));
  });

  it('is worked out for a provider written before digests were stored, and then written with it', () => {
    const dir = freshDir();
    openRepository(dir).update((doc) => ({ ...doc, providers: [storedProvider('a')] }));
    const file = join(dir, 'keymint.json');
    const older = JSON.parse(readFileSync(file, 'utf8')) as { providers: Partial<StoredProvider>[] };
    for (const provider of older.providers) delete provider.requestDigest;
    writeFileSync(file, JSON.stringify(older));

    const repository = openRepository(dir);
    expect(repository.requestDigest('a')).toBe(digestOf(storedProvider('a')));
    repository.update((doc) => ({ ...doc, providers: [...doc.providers, storedProvider('b')] }));
    expect(providersOnDisk(dir).map((p) => p.requestDigest)).toEqual([digestOf(storedProvider('a')), digestOf(storedProvider('b'))]);
  });

  it('is stored in every shard of a large vault', () => {
    const dir = freshDir();
    const repository = new DocumentRepository(openVaultFolderStore(dir, { tokenWindowMs: 10, shards: { singleFileUpToBytes: 0 } }));
    const providers = Array.from({ length: 40 }, (_, i) => storedProvider(`p${i}`));
    repository.update((doc) => ({ ...doc, providers }));
    const shards = readdirSync(join(dir, 'keymint.providers')).map((name) => JSON.parse(readFileSync(join(dir, 'keymint.providers', name), 'utf8')) as StoredProvider[]);
    const stored = shards.flat();
    expect(stored.length).toBeGreaterThan(0);
    for (const provider of stored) expect(provider.requestDigest).toBe(digestOf(storedProvider(provider.id)));
  });

  it('is written for every provider of a sharded vault from before digests, at its next change', () => {
    const dir = freshDir();
    const sharded = () => new DocumentRepository(openVaultFolderStore(dir, { tokenWindowMs: 10, shards: { singleFileUpToBytes: 0 } }));
    // As an older Keymint wrote them, through the store itself: no digests.
    const store = openVaultFolderStore(dir, { tokenWindowMs: 10, shards: { singleFileUpToBytes: 0 } });
    store.update(() => ({ version: 3, providers: Array.from({ length: 40 }, (_, i) => storedProvider(`p${i}`)) }));
    expect(readdirSync(join(dir, 'keymint.providers')).length).toBeGreaterThan(1);
    const older = sharded();
    expect(older.current.providers).toHaveLength(40);

    older.update((doc) => ({ ...doc, settings: { autoLockMinutes: 5 } }));
    // On disk: the shards the head names (a file each, or held in the head itself).
    const head = JSON.parse(readFileSync(join(dir, 'keymint.json'), 'utf8')) as { $providers: { shards: unknown[] } };
    const shards = head.$providers.shards.map((shard) => (typeof shard === 'string' ? (JSON.parse(readFileSync(join(dir, 'keymint.providers', shard), 'utf8')) as StoredProvider[]) : Array.isArray(shard) ? (shard as StoredProvider[]) : []));
    const current = new Map(shards.flat().map((provider) => [provider.id, provider]));
    expect(current.size).toBe(40);
    for (const provider of current.values()) expect(provider.requestDigest).toBe(digestOf(storedProvider(provider.id)));
  });

  it.each([
    ['one file', {}],
    ['shards', { singleFileUpToBytes: 0 }],
  ])('read from a file edited by hand (%s) is a hint: checked before a token is used, and a stale one is written right at once', (_, shards) => {
    const dir = freshDir();
    const open = () => new DocumentRepository(openVaultFolderStore(dir, { tokenWindowMs: 10, shards }));
    open().update((doc) => ({ ...doc, providers: [storedProvider('a'), storedProvider('b')] }));
    // Edited by hand: the server changed, the digest beside it left. (Shard files are named by
    // their content, so the edit goes through the store, as a writer that knows no digests would.)
    const store = openVaultFolderStore(dir, { tokenWindowMs: 10, shards });
    store.update((latest) => {
      const document = latest as { providers: StoredProvider[] };
      return { ...document, providers: document.providers.map((p) => (p.id === 'a' ? { ...p, baseUrl: 'https://elsewhere.example' } : p)) };
    });
    const moved = { ...storedProvider('a'), baseUrl: 'https://elsewhere.example' };

    const repository = open();
    expect(repository.requestDigest('a')).toBe(digestOf(storedProvider('a')));
    expect(repository.correctStaleDigest('b')).toBe(false);
    expect(repository.correctStaleDigest('a')).toBe(true);
    expect(repository.requestDigest('a')).toBe(digestOf(moved));
    expect(repository.correctStaleDigest('a')).toBe(false);
    // Written at once: the next process reads the right one.
    expect(open().requestDigest('a')).toBe(digestOf(moved));
    expect(open().correctStaleDigest('a')).toBe(false);
  });
});
