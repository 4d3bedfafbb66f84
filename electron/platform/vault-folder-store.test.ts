import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVaultFolderStore, type VaultFolderStoreOptions } from './vault-folder-store';

const root = mkdtempSync(join(tmpdir(), 'keymint-vault-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNumber = 0;
const freshDir = () => join(root, `case-${(caseNumber += 1)}`);
const isPosix = process.platform !== 'win32';

type Doc = { items: string[]; note?: string };
const items = (latest: unknown) => (latest as Doc | undefined)?.items ?? [];
const adding = (item: string) => (latest: unknown): Doc => ({ ...(latest as Doc | undefined), items: [...items(latest), item] });
/** A token cache change as the core makes them: one record set in a fresh copy. */
const record = (id: string, value: unknown) => (latest: unknown) => {
  const cache = (latest ?? { tokens: {} }) as { tokens: Record<string, unknown> };
  cache.tokens[id] = value;
  return cache;
};
const tokensOf = (store: { readTokens(): unknown }) => (store.readTokens() as { tokens: Record<string, unknown> } | undefined)?.tokens;

function open(dir: string, options: VaultFolderStoreOptions = {}) {
  const problems: string[] = [];
  const store = openVaultFolderStore(dir, { onProblem: (message) => problems.push(message), ...options });
  return Object.assign(store, { problems });
}

/** Every distinct version of `file` seen until `until` settles: one per write. */
async function versionsWhile(file: string, until: Promise<unknown>): Promise<Set<string>> {
  const seen = new Set<string>();
  let settled = false;
  void until.finally(() => (settled = true));
  while (!settled) {
    try {
      const stats = statSync(file, { bigint: true });
      seen.add(`${stats.ino}:${stats.mtimeNs}`);
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const stats = statSync(file, { bigint: true });
  seen.add(`${stats.ino}:${stats.mtimeNs}`);
  return seen;
}

describe('vault folder store', () => {
  it.runIf(isPosix)('keeps the folder 0700 and its files 0600, and leaves no temp or lock file behind', async () => {
    const dir = freshDir();
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const store = open(dir);
    store.update(adding('a'));
    store.updateTokens(record('p', { sealed: 'x' }));
    await store.flush();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.documentPath).mode & 0o777).toBe(0o600);
    expect(statSync(store.tokensPath).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['keymint.json', 'tokens.json']);
  });

  it('reads what it wrote, and nothing when the folder is new', () => {
    const dir = freshDir();
    const store = open(dir);
    expect(store.read()).toBeUndefined();
    expect(store.readTokens()).toBeUndefined();
    expect(store.update(adding('a'))).toEqual({ items: ['a'] });
    expect(open(dir).read()).toEqual({ items: ['a'] });
  });

  it('applies a change to the latest file, so another writer’s change since is kept', () => {
    const dir = freshDir();
    const mine = open(dir);
    const theirs = open(dir);
    mine.update(adding('mine-1'));
    expect(theirs.read()).toEqual({ items: ['mine-1'] });
    mine.update(adding('mine-2'));
    // `theirs` last read the file before mine-2: the change still sees it.
    theirs.update(adding('theirs-1'));
    expect(open(dir).read()).toEqual({ items: ['mine-1', 'mine-2', 'theirs-1'] });
  });

  it('hands back the value it last wrote while nobody else wrote, instead of reading the file again', () => {
    const store = open(freshDir());
    const written = store.update(adding('a'));
    let latest: unknown;
    store.update((value) => (latest = value));
    expect(latest).toBe(written);
    expect(store.read()).toBe(written);
  });

  it('writes nothing when the change throws', () => {
    const store = open(freshDir());
    store.update(adding('a'));
    const before = readFileSync(store.documentPath);
    expect(() =>
      store.update(() => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(readFileSync(store.documentPath).equals(before)).toBe(true);
    expect(store.update(adding('b'))).toEqual({ items: ['a', 'b'] });
  });

  it('throws on an unreadable document and leaves it alone; moveAside sets it aside with the token cache sealed by its key', async () => {
    const dir = freshDir();
    const store = open(dir);
    store.updateTokens(record('p', 1));
    await store.flush();
    writeFileSync(store.documentPath, '{"items": [');
    expect(() => store.read()).toThrow(/could not be read/);
    expect(() => store.update(adding('x'))).toThrow(/could not be read/);
    expect(readFileSync(store.documentPath, 'utf8')).toBe('{"items": [');
    const aside = store.moveAside();
    expect(readFileSync(aside, 'utf8')).toBe('{"items": [');
    expect(store.read()).toBeUndefined();
    expect(store.readTokens()).toBeUndefined();
    expect(store.update(adding('fresh'))).toEqual({ items: ['fresh'] });
  });
});

describe('vault folder store: the token cache', () => {
  it('writes the tokens of one window once, not once per token, and nothing before the window ends', async () => {
    const store = open(freshDir(), { tokenWindowMs: 100 });
    for (let i = 0; i < 50; i++) store.updateTokens(record(`p${i}`, i));
    expect(() => statSync(store.tokensPath)).toThrow();
    const committed = new Promise((resolve) => setTimeout(resolve, 400));
    expect((await versionsWhile(store.tokensPath, committed)).size).toBe(1);
    expect(Object.keys(tokensOf(open(store.dir)) ?? {})).toHaveLength(50);
  });

  it('shows queued changes to its own readers at once, and flush() puts them on disk now', async () => {
    const store = open(freshDir(), { tokenWindowMs: 60_000 });
    store.updateTokens(record('a', 1));
    store.updateTokens(record('b', 2));
    expect(tokensOf(store)).toEqual({ a: 1, b: 2 });
    expect(open(store.dir).readTokens()).toBeUndefined();
    await store.flush();
    expect(tokensOf(open(store.dir))).toEqual({ a: 1, b: 2 });
  });

  it('keeps another writer’s records when it writes its own', async () => {
    const dir = freshDir();
    const mine = open(dir);
    const theirs = open(dir);
    theirs.updateTokens(record('theirs', 1));
    mine.updateTokens(record('mine', 2));
    await Promise.all([theirs.flush(), mine.flush()]);
    theirs.updateTokens(record('theirs-2', 3));
    await theirs.flush();
    mine.updateTokens(record('mine-2', 4));
    await mine.flush();
    expect(tokensOf(open(dir))).toEqual({ theirs: 1, mine: 2, 'theirs-2': 3, 'mine-2': 4 });
  });

  it('counts an unreadable cache as none, says so, and replaces it on the next write; the document is untouched', async () => {
    const store = open(freshDir());
    store.update(adding('a'));
    const document = readFileSync(store.documentPath);
    writeFileSync(store.tokensPath, '{"tokens": {"a": ');
    expect(store.readTokens()).toBeUndefined();
    expect(store.problems.join()).toMatch(/tokens\.json is unreadable and will be replaced/);
    store.updateTokens(record('b', 1));
    await store.flush();
    expect(tokensOf(open(store.dir))).toEqual({ b: 1 });
    expect(readFileSync(store.documentPath).equals(document)).toBe(true);
  });

  it('reports a failed background write, keeps the changes queued, and writes them once it can', async () => {
    const dir = freshDir();
    const store = open(dir, { tokenWindowMs: 10 });
    store.update(adding('a'));
    // A folder where the cache file should be: renaming over it fails.
    mkdirSync(store.tokensPath);
    store.updateTokens(record('a', 1));
    await expect.poll(() => store.problems.join()).toMatch(/tokens could not be saved/);
    await expect(store.flush()).rejects.toThrow();
    expect(tokensOf(store)).toEqual({ a: 1 });
    rmSync(store.tokensPath, { recursive: true });
    await store.flush();
    expect(tokensOf(open(dir))).toEqual({ a: 1 });
  });
});

describe('vault folder store: watching', () => {
  it('falls back to polling when file events say nothing', async () => {
    const dir = freshDir();
    const store = open(dir, { watch: { debounceMs: 60_000, pollMs: 50 } });
    const heard: string[] = [];
    const stop = store.watch((changed) => heard.push(changed));
    open(dir).update(adding('theirs'));
    await expect.poll(() => heard).toEqual(['document']);
    stop();
  });

  it('stops when the last listener stops', async () => {
    const dir = freshDir();
    const store = open(dir, { watch: { pollMs: 20 } });
    const heard: string[] = [];
    store.watch((changed) => heard.push(changed))();
    open(dir).update(adding('theirs'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual([]);
  });
});
