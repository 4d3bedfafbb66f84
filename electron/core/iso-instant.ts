const MS_PER_DAY = 86_400_000;
/** Years 0000 to 9999: what ISO 8601 writes with four digits (toISOString writes ±YYYYYY beyond). */
const FIRST_FOUR_DIGIT_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z (Date.UTC reads year 0 as 1900)
const LAST_FOUR_DIGIT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The character code of the digit `n` (0–9). */
const digit = (n: number) => 48 + n;
const [DASH, T, COLON, DOT, Z] = ['-', 'T', ':', '.', 'Z'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/**
 * An instant (ms since the epoch) as ISO 8601 text, exactly as `Date#toISOString` writes it.
 * Written here with integer arithmetic because V8's own takes most of a microsecond, and an
 * unlock writes three instants into every token's status (3,000 at 1,000 providers: 2 ms).
 * Anything else (a fraction of a millisecond, a year outside 0000–9999, NaN) goes to Date,
 * which writes it or throws as it always does. iso-instant.test.ts checks both agree.
 */
export function isoInstant(instant: number): string {
  if (!Number.isInteger(instant) || instant < FIRST_FOUR_DIGIT_MS || instant > LAST_FOUR_DIGIT_MS) return new Date(instant).toISOString();
  const days = Math.floor(instant / MS_PER_DAY);
  let rest = instant - days * MS_PER_DAY;
  // Days since 1970-01-01 to a civil date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const ms = rest - seconds * 1000;
  // One string made at once from its 24 characters: a template of 13 parts made a string for
  // each part and each join, a fifth of an unlock's allocations, which garbage collection paid for.
  return String.fromCharCode(
    digit(Math.floor(year / 1000)), digit(Math.floor(year / 100) % 10), digit(Math.floor(year / 10) % 10), digit(year % 10), DASH,
    digit(Math.floor(month / 10)), digit(month % 10), DASH,
    digit(Math.floor(day / 10)), digit(day % 10), T,
    digit(Math.floor(hours / 10)), digit(hours % 10), COLON,
    digit(Math.floor(minutes / 10)), digit(minutes % 10), COLON,
    digit(Math.floor(seconds / 10)), digit(seconds % 10), DOT,
    digit(Math.floor(ms / 100)), digit(Math.floor(ms / 10) % 10), digit(ms % 10), Z,
  );
}
