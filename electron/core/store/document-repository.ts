import type { VaultFile, VaultStore } from '../ports';
import { describeIssues } from '../../../shared/text/describe-issues';
import { migrateDocument, MigrationError } from './document-migrations';
import { emptyDocument, keymintDocumentSchema, type KeymintDocument, type StoredProvider } from './keymint-document';
import { exactParse } from '../exact-parse';
import { holdsItsDigest, stampRequestDigests, withRequestDigests } from './request-state';
import { readTokenCache, withTokenRecord, type StoredToken } from './token-cache';

export class DocumentUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(`Keymint's data file could not be read (${reason}); the file was left untouched.`);
    this.name = 'DocumentUnreadableError';
  }
}

/**
 * The vault's document and token cache in memory, kept in step with the store. Other Keymint
 * processes write the same files: every change is applied to the latest document on disk (so
 * theirs are kept), and their changes are reloaded as they land. A file that fails validation
 * is reported, never replaced.
 */
export class DocumentRepository {
  private document: KeymintDocument;
  /** The stored value `document` came from: the store hands that same value back while the file is unchanged. */
  private raw: unknown;
  private byId: Map<string, StoredProvider> | undefined;
  private tokens: Map<string, StoredToken>;
  private readonly followers = new Set<Follower>();

  constructor(private readonly store: VaultStore) {
    this.raw = store.read();
    this.document = parse(this.raw);
    this.tokens = readTokenCache(store.readTokens());
  }

  get current(): Readonly<KeymintDocument> {
    return this.document;
  }

  provider(id: string): StoredProvider | undefined {
    return this.index().get(id);
  }

  /**
   * The digest of the provider's request state as stored with it (request-state.ts): a held
   * token is listed as the provider's when it was minted with the same. Written with each
   * provider, so an unlock compares strings instead of hashing every provider.
   */
  requestDigest(id: string): string | undefined {
    return this.provider(id)?.requestDigest;
  }

  /**
   * Before a token of the provider's is opened or reused: checks the digest stored with it against
   * the provider itself (once per provider object). A stale one, from a file edited by hand, is
   * replaced and written at once, so this process and the next agree. Returns whether it was stale.
   */
  correctStaleDigest(id: string): boolean {
    const provider = this.provider(id);
    if (!provider || holdsItsDigest(provider)) return false;
    // A copy is a new object: stamped with its own digest, and its shard written.
    const rewritten = (document: Readonly<KeymintDocument>) => ({ ...document, providers: document.providers.map((p) => (p.id === id ? { ...p } : p)) });
    try {
      this.update(rewritten);
    } catch {
      // Not written (the disk refused it): right in memory for this session; the next one checks again.
      const next = rewritten(this.document);
      stampRequestDigests(next.providers, (p) => this.provider(p.id) === p);
      this.setDocument(next, this.raw);
    }
    return true;
  }

  /**
   * Applies `change` to the latest document (reloaded first if another process wrote it) and
   * writes the result durably before returning. `change` returns a new document; it never
   * modifies the one it is given.
   */
  update(change: (latest: Readonly<KeymintDocument>) => KeymintDocument): void {
    let reloaded: { document: KeymintDocument; raw: unknown } | undefined;
    let replaced: StoredProvider[] = [];
    let unique = false;
    try {
      // The store returns what it wrote: the value `change` returned.
      const written = this.store.update((latest) => {
        if (latest !== this.raw) reloaded = { document: parse(latest), raw: latest };
        const next = change(reloaded?.document ?? this.document);
        // Providers of the document it was given are right already; new ones (added, replaced) get
        // theirs. One in the place it held there is known without looking its id up, unless an id
        // is there twice (a file edited by hand): then only the one its id finds is.
        const given = reloaded?.document ?? this.document;
        const held = reloaded ? indexed(reloaded.document.providers) : this.index();
        unique = held.size === given.providers.length;
        replaced = stampRequestDigests(next.providers, (provider, at) => (unique && given.providers[at] === provider) || held.get(provider.id) === provider);
        return next;
      }) as KeymintDocument;
      // Against this process's own document, the providers it did not hold are all that changed.
      this.setDocument(written, written, reloaded || !unique ? undefined : replaced);
    } catch (error) {
      // Ours was refused or failed, but what another process wrote came in: memory holds it now.
      if (reloaded) this.setDocument(reloaded.document, reloaded.raw);
      throw error;
    } finally {
      // Whoever shows the document must hear of another process's change.
      if (reloaded) this.announce({ file: 'document' });
    }
  }

  /**
   * Whether `document` is the one held here, with every id once: a provider of it can then be
   * replaced where it is (see replacingProvider), without looking at every id.
   */
  holdsWithUniqueIds(document: Readonly<KeymintDocument>): boolean {
    return document === this.document && this.index().size === document.providers.length;
  }

  token(providerId: string): StoredToken | undefined {
    return this.tokens.get(providerId);
  }

  /** Providers holding a token record. */
  tokenHolders(): string[] {
    return [...this.tokens.keys()];
  }

  /**
   * Sets or (with undefined) removes a provider's token record: in memory at once, on disk with
   * the other token changes of the next moment, never rewriting the document.
   */
  putToken(providerId: string, record: StoredToken | undefined): void {
    // A removal is written even when memory holds no record: another process may have stored one.
    if (record) this.tokens.set(providerId, record);
    else this.tokens.delete(providerId);
    this.store.updateTokens((latest) => withTokenRecord(latest, providerId, record));
  }

  /** Reads a file again after another process changed it; throws (keeping what is in memory) when it is unreadable. */
  reload(changed: VaultFile): void {
    if (changed === 'document') {
      const raw = this.store.read();
      if (raw === this.raw) return;
      this.setDocument(parse(raw), raw);
      this.announce({ file: 'document' });
      return;
    }
    const before = this.tokens;
    this.tokens = readTokenCache(this.store.readTokens());
    const providerIds = differingRecords(before, this.tokens);
    if (providerIds.length) this.announce({ file: 'tokens', providerIds });
  }

  /**
   * Follows other processes' changes: reloads, then tells `listener` what changed. `failed`
   * hears a change that could not be read (what is in memory stays). Returns a stop.
   */
  follow(listener: (change: Reloaded) => void, failed: (error: unknown) => void): () => void {
    const follower: Follower = { listener, failed };
    this.followers.add(follower);
    const stopWatching = this.store.watch((changed) => {
      try {
        this.reload(changed);
      } catch (error) {
        failed(error);
      }
    });
    return () => {
      stopWatching();
      this.followers.delete(follower);
    };
  }

  /** Resolves once every token record is on disk. */
  flush(): Promise<void> {
    return this.store.flush();
  }

  private index(): Map<string, StoredProvider> {
    this.byId ??= indexed(this.document.providers);
    return this.byId;
  }

  /** `replaced`: the providers of `document` that the index does not hold, when known (else every one is looked at). */
  private setDocument(document: KeymintDocument, raw: unknown, replaced?: readonly StoredProvider[]): void {
    this.document = document;
    this.raw = raw;
    this.byId = this.byId && patchedIndex(this.byId, document.providers, replaced);
  }

  private announce(change: Reloaded): void {
    // After the change that brought it has returned: listeners re-read state and push views.
    queueMicrotask(() => {
      for (const { listener, failed } of [...this.followers]) {
        try {
          listener(change);
        } catch (error) {
          failed(error);
        }
      }
    });
  }
}

/** What another process changed: the document (anything in it), or some providers' tokens. */
export type Reloaded = { readonly file: 'document' } | { readonly file: 'tokens'; readonly providerIds: readonly string[] };

/** Providers whose token record was added, replaced or removed. */
function differingRecords(before: ReadonlyMap<string, StoredToken>, after: ReadonlyMap<string, StoredToken>): string[] {
  const ids = [...before.keys()].filter((id) => !after.has(id));
  for (const [id, record] of after) {
    const was = before.get(id);
    if (!was || was.sealed !== record.sealed || was.obtainedAt !== record.obtainedAt || was.expiresAt !== record.expiresAt) ids.push(id);
  }
  return ids;
}

interface Follower {
  listener(change: Reloaded): void;
  failed(error: unknown): void;
}

function parse(raw: unknown): KeymintDocument {
  if (raw === undefined) return emptyDocument();
  let migrated: unknown;
  try {
    migrated = migrateDocument(raw);
  } catch (error) {
    if (error instanceof MigrationError) throw new DocumentUnreadableError(error.message);
    throw error;
  }
  // A file as Keymint writes it is kept as read (its providers are not copied one by one).
  const parsed = exactParse(keymintDocumentSchema, migrated);
  if (!parsed.success) throw new DocumentUnreadableError(describeIssues(parsed.error.issues.slice(0, 1), 'document')[0] ?? 'invalid');
  // The file's digests were written with its providers; one written before they were stored gets its own.
  const providers = withRequestDigests(parsed.data.providers);
  return providers === parsed.data.providers ? parsed.data : { ...parsed.data, providers };
}

function indexed(providers: readonly StoredProvider[]): Map<string, StoredProvider> {
  return new Map(providers.map((p) => [p.id, p]));
}

/**
 * The id index brought up to `providers` in place: a change replaces a provider or two and keeps
 * the others as they were, so checking each costs far less than indexing a thousand again, and
 * when the change's `replaced` providers are known only they are set. A change that removed any
 * gives undefined (indexed afresh when next needed).
 */
function patchedIndex(index: Map<string, StoredProvider>, providers: readonly StoredProvider[], replaced?: readonly StoredProvider[]): Map<string, StoredProvider> | undefined {
  if (replaced) {
    for (const provider of replaced) index.set(provider.id, provider);
    // As many ids as providers: none was removed (nor is any id twice).
    return index.size === providers.length ? index : undefined;
  }
  const before = index.size;
  let kept = 0;
  for (const provider of providers) {
    const held = index.get(provider.id);
    if (held !== undefined) kept++;
    if (held !== provider) index.set(provider.id, provider);
  }
  return kept === before && index.size === providers.length ? index : undefined;
}
