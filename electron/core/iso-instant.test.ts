import { describe, expect, it } from 'vitest';
import { isoInstant } from './iso-instant';

describe('isoInstant', () => {
  it('writes an instant as Date does, the first time and again from the memo', () => {
    for (const instant of [0, 1_700_000_000_123, 1_700_000_000_123, -1, 8.64e15]) expect(isoInstant(instant)).toBe(new Date(instant).toISOString());
  });

  it('stays right past its capacity', () => {
    for (let i = 0; i < 10_000; i++) expect(isoInstant(1_700_000_000_000 + i * 1000)).toBe(new Date(1_700_000_000_000 + i * 1000).toISOString());
    expect(isoInstant(1_700_000_000_000)).toBe('2023-11-14T22:13:20.000Z');
  });

  it('refuses an instant Date cannot write, as Date does', () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
  });
});
