import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './iso-instant';

const asDate = (instant: number) => new Date(instant).toISOString();

describe('isoInstant', () => {
  it('writes any instant as Date does', () => {
    fc.assert(
      // Mostly years 0000–9999, which it writes itself; the rest Date writes.
      fc.property(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }) }, { weight: 1, arbitrary: fc.integer({ min: -8.64e15, max: 8.64e15 }) }), (instant) => {
        expect(isoInstant(instant)).toBe(asDate(instant));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes the edges as Date does: years 0000 and 9999, leap days, the epoch, a day’s last millisecond', () => {
    const edges = [
      0,
      -1,
      1,
      86_399_999,
      Date.UTC(2000, 1, 29, 12),
      Date.UTC(1900, 1, 28, 23, 59, 59, 999),
      Date.UTC(1900, 2, 1),
      Date.UTC(2100, 1, 28),
      Date.UTC(2400, 1, 29),
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      -62_167_219_200_000,
      -62_167_219_200_001,
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1,
      8.64e15,
      -8.64e15,
      1_700_000_000_000.5,
      -0.5,
    ];
    for (const instant of edges) expect(isoInstant(instant), String(instant)).toBe(asDate(instant));
    // Every day of four years, a leap year among them, and of the Gregorian 400-year cycle's turn.
    for (const start of [Date.UTC(2023, 0, 1), Date.UTC(1599, 0, 1), Date.UTC(2099, 0, 1)]) {
      for (let day = 0; day < 4 * 366; day++) expect(isoInstant(start + day * 86_400_000 + 45_296_789)).toBe(asDate(start + day * 86_400_000 + 45_296_789));
    }
  });

  it('refuses an instant Date cannot write, as Date does', () => {
    for (const instant of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1]) expect(() => isoInstant(instant)).toThrow(RangeError);
  });
});
