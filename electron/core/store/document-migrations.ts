import { DOCUMENT_VERSION } from './keymint-document';

export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * `MIGRATIONS[n]` turns a format-n document into format n+1; a change to the stored shape bumps
 * DOCUMENT_VERSION and adds its step here. (electron-store's own migrations key on the app's
 * semver; the format number is ours.)
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: dropClearClaims,
  2: dropTokens,
};

export class MigrationError extends Error {}

/** Brings a stored document up to the current format; a newer format is refused, not guessed at. */
export function migrateDocument(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, target = DOCUMENT_VERSION): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let document = raw as Record<string, unknown>;
  let version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return raw;
  if (version > target) {
    throw new MigrationError(`it was written by a newer Keymint (data format ${version}; this one reads up to ${target}). Update Keymint to open it`);
  }
  while (version < target) {
    const step = migrations[version];
    if (!step) throw new MigrationError(`no way to upgrade data format ${version}`);
    document = { ...step(document), version: version + 1 };
    version += 1;
  }
  return document;
}

/**
 * Format 1 kept each token's JWT claims in clear beside its sealed record, readable while locked.
 * They cannot be sealed here (the file is read before anyone unlocks), so they are dropped: the
 * next token for that provider carries them inside its sealed record.
 */
export function dropClearClaims(document: Record<string, unknown>): Record<string, unknown> {
  const tokens = document.tokens;
  if (tokens === null || typeof tokens !== 'object' || Array.isArray(tokens)) return document;
  const kept = Object.entries(tokens).map(([id, record]) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return [id, record];
    const rest = { ...(record as Record<string, unknown>) };
    delete rest.claims;
    return [id, rest];
  });
  return { ...document, tokens: Object.fromEntries(kept) };
}

/**
 * Format 3 keeps tokens in their own cache file, so that minting one never rewrites the
 * providers. The tokens of format 2 are not carried over: they are a cache, requested again.
 */
export function dropTokens(document: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...document };
  delete rest.tokens;
  return rest;
}
