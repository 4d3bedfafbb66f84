import { describe, expect, it } from 'vitest';
import { RefreshScheduler, refreshLead, type ScheduledToken } from './refresh-scheduler';

/** A clock and a schedule the test advances by hand. */
function manualTime() {
  let now = 1_000_000;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  return {
    clock: { now: () => now },
    schedule: (ms: number, run: () => void) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    pendingAt: () => timers.filter((t) => !t.cancelled).map((t) => t.at),
    async advanceTo(at: number) {
      now = at;
      for (const timer of timers.filter((t) => !t.cancelled && t.at <= now)) {
        timer.cancelled = true;
        timer.run();
      }
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

function scheduler(tokens: ScheduledToken[], options: { unlocked?: boolean; fail?: boolean } = {}) {
  const time = manualTime();
  const refreshed: string[] = [];
  const s = new RefreshScheduler({
    clock: time.clock,
    schedule: time.schedule,
    tokens: () => tokens,
    canRefresh: () => options.unlocked ?? true,
    refresh: async (id) => {
      refreshed.push(id);
      if (options.fail) throw new Error('provider down');
    },
  });
  return { s, time, refreshed };
}

describe('refresh before expiry', () => {
  it('renews a tenth of the lifetime early, within 30 s and 5 min', () => {
    expect(refreshLead(0, 15 * 60_000)).toBe(90_000);
    expect(refreshLead(0, 60_000)).toBe(30_000);
    expect(refreshLead(0, 24 * 3600_000)).toBe(5 * 60_000);
  });

  it('plans one timer for the earliest renewal and renews only what is due', async () => {
    const start = 1_000_000;
    const { s, time, refreshed } = scheduler([
      { providerId: 'highline', obtainedAt: start, expiresAt: start + 15 * 60_000 },
      { providerId: 'togai', obtainedAt: start, expiresAt: start + 24 * 3600_000 },
      { providerId: 'unknown', obtainedAt: start, expiresAt: null },
    ]);
    s.plan();
    expect(time.pendingAt()).toEqual([start + 15 * 60_000 - 90_000]);
    await time.advanceTo(start + 15 * 60_000 - 90_000);
    expect(refreshed).toEqual(['highline']);
  });

  it('does nothing while the vault is locked', () => {
    const { s, time } = scheduler([{ providerId: 'a', obtainedAt: 0, expiresAt: 2_000_000 }], { unlocked: false });
    s.plan();
    expect(time.pendingAt()).toEqual([]);
  });

  it('tries a failing provider once per expiry instead of looping', async () => {
    const { s, time, refreshed } = scheduler([{ providerId: 'a', obtainedAt: 900_000, expiresAt: 1_200_000 }], { fail: true });
    s.plan();
    await time.advanceTo(1_200_000);
    await time.advanceTo(1_300_000);
    expect(refreshed).toEqual(['a']);
    expect(time.pendingAt()).toEqual([]);
  });
});
