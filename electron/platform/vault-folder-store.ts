import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type VaultFile, type VaultStore } from '../core';
import { FolderLockBusyError, folderLock, type FolderLockOptions } from './folder-lock';
import { watchFolder, type FolderWatchOptions } from './folder-watch';
import { GroupCommit } from './group-commit';
import { tokenCacheText } from './token-cache-text';
import { openJsonFileStore, removeFile, StoreCorruptError, type FileVersion } from './json-file-store';
import { openShardedDocument, type ShardedDocumentOptions, type StoredDocument } from './sharded-document';

export interface VaultFolderStoreOptions {
  /** The document's file name; keymint.json, where the app has always kept it. */
  readonly documentName?: string;
  readonly tokensName?: string;
  /** How long token changes are collected before one write; default 100 ms. */
  readonly tokenWindowMs?: number;
  readonly lock?: FolderLockOptions;
  readonly watch?: FolderWatchOptions;
  /** Something went wrong that no caller is waiting to hear: a background token write, an unreadable cache. */
  readonly onProblem?: (message: string) => void;
  /** How the document is split into files when it is large (sharded-document.ts); the defaults are for the app. */
  readonly shards?: ShardedDocumentOptions;
}

export interface VaultFolderStore extends VaultStore {
  readonly dir: string;
  /** The document, or its head when its providers are in shard files. */
  readonly documentPath: string;
  /** The folder of the document's shard files (absent while the document is one file). */
  readonly shardsPath: string;
  readonly tokensPath: string;
}

type TokenChange = (latest: unknown) => unknown;

/** A file's version as this process last read, wrote or reported it; `unknown` before any of those. */
type Known = FileVersion | undefined | 'unknown';

const COMMIT_ATTEMPTS = 20;

/**
 * The vault store every host uses: the document and the token cache as JSON files in one
 * private folder (0700; files 0600), each replaced whole by temp file, fsync, rename and folder
 * fsync (json-file-store, which the crash test covers), never written in place. A large
 * document is kept as a head and immutable shard files, so a change writes only the shards it
 * touches and the head, whose rename commits it (sharded-document.ts).
 *
 * Processes share the folder: a document change is a read-modify-write under the folder
 * lock, reloading the file first when another process has written it since. Token changes
 * are collected for a short window and written together: the new cache is prepared (written
 * and fsynced) off the event loop from the latest file, and renamed into place under the lock
 * only if that file is still the latest, else prepared again. The lock is thus only ever held
 * synchronously, for moments, which also keeps holds in one process from waiting on each other.
 */
export function openVaultFolderStore(dir: string, options: VaultFolderStoreOptions = {}): VaultFolderStore {
  const problem = options.onProblem ?? (() => undefined);
  const document = openShardedDocument(join(dir, options.documentName ?? 'keymint.json'), { onProblem: problem, ...options.shards });
  const tokens = openJsonFileStore(join(dir, options.tokensName ?? 'tokens.json'), { compact: true, serialise: tokenCacheText });
  tightenFolder(dir);
  const lock = folderLock(dir, options.lock);
  /** A change someone is waiting for: a busy vault is told in words the app shows. */
  const withLock = <T>(work: () => T): T => {
    try {
      return lock.withLock(work);
    } catch (error) {
      if (error instanceof FolderLockBusyError) throw new AppError('vault', error.message);
      throw error;
    }
  };
  const names = { document: document.path.slice(dir.length + 1), tokens: tokens.path.slice(dir.length + 1) };

  /** The document as last read or written here (none: `undefined`), to skip re-reading a file nobody else changed. */
  let lastDocument: StoredDocument | { version: undefined; value: undefined; layout: undefined } | undefined;
  const known: Record<VaultFile, Known> = { document: 'unknown', tokens: 'unknown' };
  const listeners = new Set<(changed: VaultFile) => void>();
  let stopWatching: (() => void) | undefined;

  const notify = (changed: VaultFile) => {
    for (const listener of [...listeners]) {
      try {
        listener(changed);
      } catch (error) {
        problem(`reloading the vault after another process changed it failed: ${describe(error)}`);
      }
    }
  };

  const readDocument = (): unknown => {
    const version = document.version();
    if (lastDocument && lastDocument.version === version) return lastDocument.value;
    try {
      lastDocument = document.read() ?? { version: undefined, value: undefined, layout: undefined };
    } catch (error) {
      // Reported once by whoever reads it, not again by every poll.
      if (error instanceof StoreCorruptError) known.document = error.version;
      throw error;
    }
    known.document = lastDocument.version;
    return lastDocument.value;
  };

  /** An unreadable cache counts as none, replaced by the next write (its tokens are requested again). */
  const unreadableCache = (error: unknown): { value: undefined; version: FileVersion | undefined } => {
    if (!(error instanceof StoreCorruptError)) throw error;
    problem(`${tokens.path} is unreadable and will be replaced: its tokens are requested again`);
    return { value: undefined, version: error.version };
  };

  /**
   * The cache as this process last wrote it: while the file is still that version, the next
   * commit starts from it instead of reading and parsing the whole file again, so a token's
   * write costs the same however many tokens the cache holds beside it.
   */
  let written: { value: unknown; version: FileVersion } | undefined;

  const commitTokens = async (changes: readonly TokenChange[]): Promise<void> => {
    for (let attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
      const own = written !== undefined && tokens.version() === written.version ? written : undefined;
      // The changes below edit the value in place: it is ours again only once it is on disk.
      written = undefined;
      const base = own ?? (await tokens.readVersionedAsync().then((found) => ({ value: found?.value, version: found?.version }), unreadableCache));
      let value = base.value;
      for (const change of changes) value = change(value);
      const prepared = await tokens.prepare(value);
      let committed = false;
      let othersWrote = false;
      try {
        lock.withLock(() => {
          if (tokens.version() !== base.version) return;
          prepared.commit();
          committed = true;
          othersWrote = known.tokens !== 'unknown' && known.tokens !== base.version;
          known.tokens = prepared.version;
          written = { value, version: prepared.version };
        });
      } finally {
        if (!committed) await prepared.discard();
      }
      if (!committed) continue;
      await tokens.syncDirectory();
      // Our write carried their records along, but nothing here has read them yet.
      if (othersWrote) notify('tokens');
      return;
    }
    throw new Error(`${tokens.path} kept changing while it was being written (${COMMIT_ATTEMPTS} attempts); the tokens stay queued.`);
  };

  const group = new GroupCommit<TokenChange>(commitTokens, options.tokenWindowMs ?? 100, (error) =>
    problem(`tokens could not be saved (they stay usable until Keymint closes, and are requested again after): ${describe(error)}`),
  );

  const check = () => {
    for (const [changed, file] of [
      ['document', document],
      ['tokens', tokens],
    ] as const) {
      let version: FileVersion | undefined;
      try {
        version = file.version();
      } catch {
        continue;
      }
      const before = known[changed];
      known[changed] = version;
      if (before !== 'unknown' && before !== version) notify(changed);
    }
  };

  return {
    dir,
    documentPath: document.path,
    shardsPath: document.shardsPath,
    tokensPath: tokens.path,
    read: readDocument,
    update(change) {
      return withLock(() => {
        const next = change(readDocument());
        // The layout of what is on disk now (readDocument checked): only what differs from it is written.
        lastDocument = document.write(next, lastDocument?.layout ? lastDocument : undefined);
        known.document = lastDocument.version;
        return next;
      });
    },
    moveAside() {
      return withLock(() => {
        const movedTo = document.moveAside();
        // Sealed with the key of the document set aside: of no use to the fresh one.
        removeFile(tokens.path);
        lastDocument = undefined;
        return movedTo;
      });
    },
    readTokens() {
      let value: unknown;
      try {
        const found = tokens.readVersioned();
        value = found?.value;
        known.tokens = found?.version;
      } catch (error) {
        if (error instanceof StoreCorruptError) {
          known.tokens = unreadableCache(error).version;
        } else {
          // Not even readable (permissions, a folder in its place): nothing to use, and writes will say why.
          problem(`${tokens.path} could not be read: ${describe(error)}`);
        }
      }
      for (const change of group.pending()) value = change(value);
      return value;
    },
    updateTokens: (change) => group.add(change),
    flush: () => group.flush(),
    watch(listener) {
      listeners.add(listener);
      if (!stopWatching) {
        // From what is on disk now: only later changes are news.
        check();
        stopWatching = watchFolder(dir, [names.document, names.tokens], check, options.watch);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stopWatching?.();
        stopWatching = undefined;
      };
    },
  };
}

/** The folder holds the vault: owner only, whoever created it (a folder we do not own is left as it is). */
function tightenFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(dir, 0o700);
  } catch {
    // Not ours to change (EPERM): its files are still 0600.
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
