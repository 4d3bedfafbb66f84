import { usageError } from './exit-codes';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 };

/** `90`, `90s`, `5m`, `1h` as seconds; a usage error otherwise. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d{1,7})(s|m|h)?$/.exec(text.trim());
  if (!match) throw usageError(`--${option} takes a duration such as 90, 90s, 5m or 1h; not "${text}".`);
  return Number(match[1]) * (UNITS[match[2] ?? '']);
}
