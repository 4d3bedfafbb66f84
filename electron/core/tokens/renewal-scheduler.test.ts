import { describe, expect, it } from 'vitest';
import { RenewalScheduler } from './renewal-scheduler';
import type { TokenTimes } from './renewal-policy';

/** A scheduler over a manual clock whose timers are recorded, not run. */
function scheduler() {
  let now = 1_000_000;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const tokens = new Map<string, TokenTimes>();
  const renewed: string[] = [];
  const renewal = new RenewalScheduler({
    clock: { now: () => now },
    schedule: (ms, run) => {
      const timer = { at: now + ms, run: () => ((timer.cancelled = true), run()), cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    canRenew: () => true,
    autoRenew: () => true,
    token: (id) => tokens.get(id),
    providersWithTokens: () => tokens.keys(),
    renew: async (id) => void renewed.push(id),
    changed: () => undefined,
  });
  /** A token for `id` living `lifetimeMs` from now, reported as the user's request. */
  const minted = (id: string, lifetimeMs: number) => {
    const token = { obtainedAt: now, expiresAt: now + lifetimeMs };
    tokens.set(id, token);
    renewal.succeeded(id, token, 'user');
  };
  const armed = () => timers.filter((t) => !t.cancelled);
  return { renewal, timers, armed, minted, renewed, setNow: (at: number) => (now = at), now: () => now };
}

describe('the renewal timer', () => {
  it('moves only for a plan due sooner: a token planned later leaves the armed timer alone', () => {
    const s = scheduler();
    s.minted('a', 50_000); // due at 80 %: in 40 s
    expect(s.armed().map((t) => t.at - s.now())).toEqual([40_000]);
    for (let i = 0; i < 100; i++) s.minted(`later-${i}`, 55_000 + i);
    expect(s.timers).toHaveLength(1);
    s.minted('sooner', 25_000); // due in 20 s
    expect(s.armed().map((t) => t.at - s.now())).toEqual([20_000]);
  });

  it('a timer left for a plan that went away fires, renews nothing, and plans from every provider again', async () => {
    const s = scheduler();
    s.minted('a', 50_000);
    s.minted('sooner', 25_000);
    s.renewal.forget('sooner');
    const [early] = s.armed();
    s.setNow(early!.at);
    early!.run();
    expect(s.renewed).toEqual([]);
    expect(s.armed().map((t) => t.at)).toEqual([s.now() + 20_000]); // a's renewal, at its 40 s mark
    s.setNow(s.armed()[0]!.at);
    s.armed()[0]!.run();
    expect(s.renewed).toEqual(['a']);
  });
});
