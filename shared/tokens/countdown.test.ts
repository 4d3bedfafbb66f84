import { describe, expect, it } from 'vitest';
import { formatAgo, formatCountdown } from './countdown';

describe('the countdown', () => {
  it('reads h:mm:ss under a day, so seconds and hours never look alike', () => {
    expect(formatCountdown(29_000)).toBe('0:00:29');
    expect(formatCountdown(3_000)).toBe('0:00:03');
    expect(formatCountdown(3 * 3600_000)).toBe('3:00:00');
    expect(formatCountdown(3600_000 + 4 * 60_000 + 5_000)).toBe('1:04:05');
    expect(formatCountdown(86_399_000)).toBe('23:59:59');
  });

  it('reads days and hours from a day on', () => {
    expect(formatCountdown(86_400_000)).toBe('1 d 0 h');
    expect(formatCountdown((2 * 24 + 4) * 3600_000 + 59 * 60_000)).toBe('2 d 4 h');
  });

  it('rounds a part second up while valid and never shows a negative time', () => {
    expect(formatCountdown(400)).toBe('0:00:01');
    expect(formatCountdown(0)).toBe('0:00:00');
    expect(formatCountdown(-5_000)).toBe('0:00:00');
  });
});

describe('how long ago', () => {
  it('says it in the coarsest unit that is not zero', () => {
    expect([formatAgo(0), formatAgo(12_400), formatAgo(59_999), formatAgo(60_000), formatAgo(3 * 3600_000 - 1), formatAgo(50 * 3600_000)]).toEqual([
      '0 s',
      '12 s',
      '59 s',
      '1 min',
      '2 h',
      '2 d',
    ]);
  });
});
