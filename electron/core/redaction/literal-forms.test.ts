import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalForms } from './literal-forms';
import { SecretRegistry } from './secret-registry';

describe('literalForms', () => {
  it('never spells a value shorter than the value itself (the registry skips shorter texts)', () => {
    fc.assert(
      // Any UTF-16 unit, lone surrogates included (fast-check's 'binary' unit leaves them out).
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 300 }), (value) => {
        for (const form of literalForms(value)) expect(form.length).toBeGreaterThanOrEqual(value.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('spells a value holding a lone surrogate without throwing, so a reply carrying one is still recorded, redacted', () => {
    const token = 'tok\ud800en-from-a-hostile-reply';
    expect(literalForms(token)).toContain(token);
    const secrets = new SecretRegistry();
    secrets.add(token);
    expect(secrets.redactLiterally(`{"echo":"${token}"}`)).toBe('{"echo":"[redacted]"}');
  });

  it('lists the value, its JSON, percent and base64 spellings, longest first', () => {
    const forms = literalForms('a/b c');
    expect(forms).toEqual(expect.arrayContaining(['a/b c', 'a\\/b c', 'a%2Fb%20c', 'a%2Fb+c', 'YS9iIGM=', 'YS9iIGM', '612f622063']));
    expect([...forms].sort((x, y) => y.length - x.length)).toEqual(forms);
  });
});
