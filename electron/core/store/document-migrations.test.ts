import { describe, expect, it } from 'vitest';
import { dropClearClaims, migrateDocument, MIGRATIONS, MigrationError } from './document-migrations';
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
    const migrated = migrateDocument(format1, MIGRATIONS, DOCUMENT_VERSION);
    expect(migrated).toEqual({ version: 2, providers: [], tokens: { a: token, b: token } });
    expect(JSON.stringify(migrated)).not.toContain('alice@example.com');
    expect(keymintDocumentSchema.safeParse(migrated).success).toBe(true);
  });

  it('leaves a malformed tokens value for validation to report', () => {
    expect(dropClearClaims({ tokens: 'x' })).toEqual({ tokens: 'x' });
  });
});
