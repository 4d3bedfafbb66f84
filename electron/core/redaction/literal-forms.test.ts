import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalForms } from './literal-forms';

describe('literalForms', () => {
  it('never spells a value shorter than the value itself (the registry skips shorter texts)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (value) => {
        for (const form of literalForms(value)) expect(form.length).toBeGreaterThanOrEqual(value.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('lists the value, its JSON, percent and base64 spellings, longest first', () => {
    const forms = literalForms('a/b c');
    expect(forms).toEqual(expect.arrayContaining(['a/b c', 'a\\/b c', 'a%2Fb%20c', 'a%2Fb+c', 'YS9iIGM=', 'YS9iIGM', '612f622063']));
    expect([...forms].sort((x, y) => y.length - x.length)).toEqual(forms);
  });
});
