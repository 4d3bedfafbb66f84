import { describe, expect, it } from 'vitest';
import { migrateDocument, MigrationError } from './document-migrations';

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
