import { describe, expect, it } from 'vitest';
import { dropClearClaims, dropTokens, migrateDocument, MIGRATIONS, MigrationError } from './document-migrations';
import { DOCUMENT_VERSION, keymintDocumentSchema } from './keymint-document';

describe('data format migrations', () => {
  const steps = {
    1: (doc: Record<string, unknown>) => ({ ...doc, tokens: {} }),
    2: (doc: Record<string, unknown>) => ({ ...doc, settings: { autoLockMinutes: 15 } }),
  };

  it('applies each step in order up to the current format', () => {
    expect(migrateDocument({ version: 1, providers: [] }, steps, 3)).toEqual({ version: 3, providers: [], tokens: {}, settings: { autoLockMinutes: 15 } });
  });

  it('leaves a current document as it is', () => {
    const doc = { version: 3, providers: [] };
    expect(migrateDocument(doc, steps, 3)).toBe(doc);
  });

  it('refuses a document from a newer Keymint instead of guessing', () => {
    expect(() => migrateDocument({ version: 4 }, steps, 3)).toThrow(MigrationError);
    expect(() => migrateDocument({ version: 4 }, steps, 3)).toThrow(/newer Keymint/);
  });

  it('refuses a format it has no step for', () => {
    expect(() => migrateDocument({ version: 0 }, steps, 3)).toThrow('no way to upgrade data format 0');
  });
});

describe('format 1 to 2', () => {
  const token = { sealed: 'c2VhbGVk', obtainedAt: 1, expiresAt: null, expirySource: 'jwt-exp' };

  it('drops JWT claims kept in clear beside a sealed token, and keeps the rest of the record', () => {
    const format1 = { version: 1, providers: [], tokens: { a: { ...token, claims: { sub: 'alice@example.com' } }, b: token } };
    const migrated = migrateDocument(format1, MIGRATIONS, 2);
    expect(migrated).toEqual({ version: 2, providers: [], tokens: { a: token, b: token } });
    expect(JSON.stringify(migrated)).not.toContain('alice@example.com');
  });

  it('leaves a malformed tokens value for validation to report', () => {
    expect(dropClearClaims({ tokens: 'x' })).toEqual({ tokens: 'x' });
  });
});

describe('format 2 to 3', () => {
  const provider = { id: 'p', name: 'Billing', presetId: 'togai', baseUrl: 'https://api.togai.com', recipe: null, values: {}, secrets: { apiKey: 'v1.sealed' }, settings: {}, createdAt: 1 };
  const format2 = {
    version: 2,
    providers: [provider],
    tokens: { p: { sealed: 'c2VhbGVk', obtainedAt: 1, expiresAt: null, expirySource: 'jwt-exp' } },
    vault: { passphrase: { kind: 'passphrase' } },
    settings: { autoLockMinutes: 5 },
  };

  it('drops the tokens (a cache, now in its own file, requested again) and keeps everything else', () => {
    const migrated = migrateDocument(format2, MIGRATIONS, DOCUMENT_VERSION);
    expect(migrated).toEqual({ version: 3, providers: [provider], vault: format2.vault, settings: format2.settings });
    expect(keymintDocumentSchema.safeParse(migrated).success).toBe(true);
  });

  it('takes a format 1 document all the way, its clear claims gone with its tokens', () => {
    const format1 = { ...format2, version: 1, tokens: { p: { ...format2.tokens.p, claims: { sub: 'alice@example.com' } } } };
    const migrated = migrateDocument(format1, MIGRATIONS, DOCUMENT_VERSION);
    expect(JSON.stringify(migrated)).not.toContain('alice@example.com');
    expect(keymintDocumentSchema.safeParse(migrated).success).toBe(true);
  });

  it('leaves a document without tokens as it was', () => {
    expect(dropTokens({ providers: [] })).toEqual({ providers: [] });
  });
});
