import { describe, expect, it } from 'vitest';
import { isDotSegment } from './path-segments';
import { presetRecipe } from './presets';
import { valueProblems } from './value-problems';

describe('dot segments', () => {
  it('are "." and "..", percent-encoded in any case, encoded again too', () => {
    for (const segment of ['.', '..', '%2e', '%2E', '%2e%2E', '.%2e', '%252e%252E', '%25252e']) expect(isDotSegment(segment), segment).toBe(true);
    for (const segment of ['', '...', 'a..', '..a', '%2e%2e%2e', 'gh', '%2f..']) expect(isDotSegment(segment), segment).toBe(false);
  });
});

describe('a value that would make a path segment "." or ".."', () => {
  const welkin = presetRecipe('welkin');
  if (!welkin) throw new Error('no Welkin preset');
  const values = (tenant: string) => ({ tenant, apiClient: 'VBOPNRYRWJIP', secret: 's' });

  it('is refused on its field, however it is spelled', () => {
    for (const tenant of ['..', '.', '%2e%2E', '%2E.']) {
      expect(valueProblems(welkin, values(tenant)), tenant).toEqual([
        { key: 'tenant', kind: 'path', message: 'Tenant cannot be "." or ".." (nor their %2e spelling): it goes into the URL path.' },
      ]);
    }
  });

  it('is fine inside a longer segment', () => {
    for (const tenant of ['gh', 'a..b', '...', 'v1.2']) expect(valueProblems(welkin, values(tenant)), tenant).toEqual([]);
  });
});
