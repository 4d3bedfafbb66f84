import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVaultFolderStore } from '../../platform/vault-folder-store';
import { storedProvider, storedToken } from '../../test-support/stored-samples';
import { replacingProvider } from '../providers/replacing-provider';
import { DocumentRepository, DocumentUnreadableError } from './document-repository';
import { TOKEN_CACHE_VERSION } from './token-cache';

const root = mkdtempSync(join(tmpdir(), 'keymint-repository-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNumber = 0;
const freshDir = () => mkdtempSync(join(root, `case-${(caseNumber += 1)}-`));

/** A repository over the real vault folder store, as a second process would open it. */
const openRepository = (dir: string) => new DocumentRepository(openVaultFolderStore(dir, { tokenWindowMs: 10 }));
const adding = (id: string) => (doc: DocumentRepository['current']) => ({ ...doc, providers: [...doc.providers, storedProvider(id)] });
const ids = (repository: DocumentRepository) => repository.current.providers.map((p) => p.id);
const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('document repository over a shared vault folder', () => {
  it('applies a change to the latest document: another process’s change in the meantime is kept, and announced', async () => {
    const dir = freshDir();
    const mine = openRepository(dir);
    const theirs = openRepository(dir);
    const heard: string[] = [];
    mine.follow((change) => heard.push(change.file), () => undefined);
    theirs.update(adding('theirs'));
    mine.update((doc) => ({ ...doc, settings: { autoLockMinutes: 5 } }));
    expect(ids(mine)).toEqual(['theirs']);
    expect(mine.provider('theirs')?.id).toBe('theirs');
    expect(openRepository(dir).current).toMatchObject({ providers: [{ id: 'theirs' }], settings: { autoLockMinutes: 5 } });
    await microtasks();
    expect(heard).toContain('document');
  });

  it('finds each provider by id after changes that replace, add and remove providers', () => {
    const repository = openRepository(freshDir());
    repository.update(adding('a'));
    repository.update(adding('b'));
    expect(repository.provider('a')?.id).toBe('a');
    const renamed = { ...storedProvider('a'), name: 'Renamed' };
    repository.update((doc) => ({ ...doc, providers: doc.providers.map((p) => (p.id === 'a' ? renamed : p)) }));
    expect(repository.provider('a')).toBe(renamed);
    repository.update((doc) => ({ ...doc, providers: [...doc.providers.filter((p) => p.id !== 'b'), storedProvider('c')] }));
    expect(repository.provider('b')).toBeUndefined();
    expect(repository.provider('c')?.id).toBe('c');
    expect(repository.provider('a')).toBe(renamed);
  });

  it('makes a token usable at once, writes it without rewriting the document, and removes it when asked', async () => {
    const dir = freshDir();
    const repository = openRepository(dir);
    repository.update(adding('p'));
    const document = readFileSync(join(dir, 'keymint.json'));
    repository.putToken('p', storedToken(7));
    expect(repository.token('p')).toEqual(storedToken(7));
    await repository.flush();
    expect(readFileSync(join(dir, 'keymint.json')).equals(document)).toBe(true);
    expect(openRepository(dir).token('p')).toEqual(storedToken(7));
    repository.putToken('p', undefined);
    expect(repository.token('p')).toBeUndefined();
    await repository.flush();
    expect(openRepository(dir).tokenHolders()).toEqual([]);
  });

  it('leaves out a token record that fails its schema, and only that one', () => {
    const dir = freshDir();
    const tokens = { good: storedToken(1), bad: { ...storedToken(2), obtainedAt: 'yesterday' }, odd: 'x' };
    writeFileSync(join(dir, 'tokens.json'), JSON.stringify({ version: TOKEN_CACHE_VERSION, tokens }));
    expect(openRepository(dir).tokenHolders()).toEqual(['good']);
  });

  it('counts a token cache in a format it does not know (a newer Keymint’s) as empty, and keeps the document readable', () => {
    const dir = freshDir();
    openRepository(dir).update(adding('p'));
    writeFileSync(join(dir, 'tokens.json'), JSON.stringify({ version: TOKEN_CACHE_VERSION + 1, tokens: { p: storedToken(1) } }));
    const repository = openRepository(dir);
    expect(repository.tokenHolders()).toEqual([]);
    expect(ids(repository)).toEqual(['p']);
  });

  it('keeps what it holds when another process leaves an unreadable document, and says so', () => {
    const dir = freshDir();
    const repository = openRepository(dir);
    repository.update(adding('p'));
    writeFileSync(join(dir, 'keymint.json'), '{"version": 3, "providers": [');
    expect(() => repository.reload('document')).toThrow(/could not be read/);
    expect(ids(repository)).toEqual(['p']);
    writeFileSync(join(dir, 'keymint.json'), '{"version": 99, "providers": []}');
    expect(() => repository.reload('document')).toThrow(DocumentUnreadableError);
    expect(ids(repository)).toEqual(['p']);
  });

  it('migrates a format 2 document as it reads it, without writing it until something changes', () => {
    const dir = freshDir();
    const format2 = JSON.stringify({ version: 2, providers: [storedProvider('p')], tokens: { p: { sealed: 'x', obtainedAt: 1, expiresAt: null, expirySource: 'jwt-exp' } } });
    writeFileSync(join(dir, 'keymint.json'), format2);
    const repository = openRepository(dir);
    expect(repository.current.version).toBe(3);
    expect(repository.tokenHolders()).toEqual([]);
    expect(readFileSync(join(dir, 'keymint.json'), 'utf8')).toBe(format2);
    repository.update(adding('q'));
    const written = JSON.parse(readFileSync(join(dir, 'keymint.json'), 'utf8'));
    expect(written).toMatchObject({ version: 3, providers: [{ id: 'p' }, { id: 'q' }] });
    expect(written).not.toHaveProperty('tokens');
  });

  it('a file holding an id twice (edited by hand) is changed as it always was: by id, each copy alike', () => {
    const dir = freshDir();
    const first = { ...storedProvider('y'), name: 'First' };
    const second = { ...storedProvider('y'), name: 'Second' };
    writeFileSync(join(dir, 'keymint.json'), JSON.stringify({ version: 3, providers: [first, storedProvider('b'), second] }));
    const repository = openRepository(dir);
    expect(repository.holdsWithUniqueIds(repository.current)).toBe(false);
    // An edit as the provider service makes it: every copy of the id is replaced.
    const current = repository.provider('y')!;
    const edited = { ...current, name: 'Edited' };
    repository.update((doc) => ({ ...doc, providers: replacingProvider(doc.providers, current, edited, repository.holdsWithUniqueIds(doc)) }));
    expect(openRepository(dir).current.providers.map((p) => p.name)).toEqual(['Edited', storedProvider('b').name, 'Edited']);
    // One copy removed and a provider added in one change: the id finds the copy that is left.
    const again = freshDir();
    writeFileSync(join(again, 'keymint.json'), JSON.stringify({ version: 3, providers: [first, second, storedProvider('b')] }));
    const reread = openRepository(again);
    expect(reread.provider('y')?.name).toBe('Second');
    reread.update((doc) => ({ ...doc, providers: [doc.providers[0]!, doc.providers[2]!, storedProvider('d')] }));
    expect(reread.provider('y')).toBe(reread.current.providers[0]);
    expect(reread.holdsWithUniqueIds(reread.current)).toBe(true);
  });
});
