import { formatAgo, formatCountdown } from './countdown';
import type { TokenStatus } from './token-status';

/**
 * A token's life as the board shows it: one state out of main's status, the renewal it reports,
 * what the provider still lacks, and the clock. Pure, so it is unit-tested and costs little
 * enough to run for every provider on every tick.
 */
export type LifeState = 'none' | 'valid' | 'expiring' | 'renewing' | 'retrying' | 'expired' | 'error' | 'needs-key' | 'paused';

export interface LifeInput {
  status: TokenStatus;
  /** Labels of required fields with nothing stored. */
  missing: readonly string[];
  /** Why the provider cannot run as stored. */
  problem: string | null;
}

export interface TokenLife {
  state: LifeState;
  /** "Valid", "Retrying in 12 s": the state in words, never colour alone. */
  word: string;
  /** "0:04:05" or "2 d 4 h" left; "12 s ago" once expired; "expiry unknown"; null without a token. */
  countdown: string | null;
  /** "renewed 12 s ago", after an automatic renewal. */
  renewed: string | null;
}

/** A token is "expiring soon" in its last quarter, and at most in its last five minutes. */
const EXPIRING_MAX_MS = 5 * 60_000;
const EXPIRING_SHARE = 0.25;

export const LIFE_WORDS: Record<LifeState, string> = {
  none: 'No token',
  valid: 'Valid',
  expiring: 'Expiring soon',
  renewing: 'Renewing',
  retrying: 'Retrying',
  expired: 'Expired',
  error: 'Error',
  'needs-key': 'Needs its key',
  paused: 'Paused while locked',
};

/** A shape beside each word, so the state never rests on colour alone. */
export const LIFE_MARKS: Record<LifeState, string> = {
  none: '○',
  valid: '✓',
  expiring: '◷',
  renewing: '↻',
  retrying: '↻',
  expired: '!',
  error: '✕',
  // Not ⚿ (a key): few system fonts draw it, and an empty box says nothing.
  'needs-key': '⚠',
  paused: '‖',
};

/** A status's instants as numbers (NaN where absent or unreadable). */
interface Instants {
  expiresAt: number;
  /** From when the token counts as expiring soon (NaN without an expiry). */
  expiringFrom: number;
  nextAt: number;
  renewedAt: number;
}

/**
 * Each status's instants, parsed once: a row works its state and countdown out every second,
 * and parsing the same ISO strings again each time was a fifth of that work. A status is never
 * changed in place (main sends a new one), so it is the key.
 */
const parsed = new WeakMap<TokenStatus, Instants>();

function instantOf(text: string | null): number {
  return text === null ? Number.NaN : Date.parse(text);
}

function instants(status: TokenStatus): Instants {
  let found = parsed.get(status);
  if (!found) {
    const expiresAt = instantOf(status.expiresAt);
    const obtainedAt = instantOf(status.obtainedAt);
    const share = Number.isNaN(obtainedAt) ? EXPIRING_MAX_MS : (expiresAt - obtainedAt) * EXPIRING_SHARE;
    found = { expiresAt, expiringFrom: expiresAt - Math.min(EXPIRING_MAX_MS, share), nextAt: instantOf(status.renewal.nextAt), renewedAt: instantOf(status.renewal.renewedAt) };
    parsed.set(status, found);
  }
  return found;
}

/**
 * The next instant at which the clock alone changes lifeState's answer (a token starts expiring,
 * or expires); Infinity when only main can change it. Lets a board of a thousand providers
 * work out their states once per change instead of once per second.
 */
export function lifeStateChangesAt(input: LifeInput, now: number): number {
  const { status } = input;
  if (input.problem !== null || status.state !== 'valid' || status.expiresAt === null) return Number.POSITIVE_INFINITY;
  const renewal = status.renewal.state;
  if (renewal === 'renewing' || renewal === 'retrying') return Number.POSITIVE_INFINITY;
  const { expiresAt, expiringFrom: soon } = instants(status);
  if (expiresAt <= now) return Number.POSITIVE_INFINITY;
  return renewal !== 'paused' && soon > now ? soon : expiresAt;
}

/** The state alone: what the summary, the filter and the status sort need. */
export function lifeState({ status, missing, problem }: LifeInput, now: number): LifeState {
  if (problem !== null) return 'error';
  const renewal = status.renewal.state;
  if (status.state !== 'valid') {
    if (missing.length > 0) return 'needs-key';
    if (renewal === 'renewing') return 'renewing';
    if (renewal === 'retrying') return 'retrying';
    return status.state;
  }
  if (renewal === 'renewing') return 'renewing';
  if (renewal === 'retrying') return 'retrying';
  // With no expiry the instants are NaN, and every comparison below is false.
  const { expiresAt, expiringFrom } = instants(status);
  if (expiresAt <= now) return missing.length > 0 ? 'needs-key' : 'expired';
  if (renewal === 'paused') return 'paused';
  if (expiringFrom <= now) return 'expiring';
  return 'valid';
}

function countdownText(state: LifeState, status: TokenStatus, now: number): string | null {
  if (status.state !== 'valid') return null;
  if (status.expiresAt === null) return 'expiry unknown';
  const left = instants(status).expiresAt - now;
  if (left <= 0) return `${formatAgo(-left)} ago`;
  return state === 'needs-key' ? null : formatCountdown(left);
}

/** The row's countdown alone (see TokenLife.countdown): what ticks every second. */
export function lifeCountdown(input: LifeInput, now: number): string | null {
  return countdownText(lifeState(input, now), input.status, now);
}

/** "renewed 12 s ago" alone (see TokenLife.renewed). */
export function lifeRenewed({ status }: LifeInput, now: number): string | null {
  return status.renewal.renewedAt === null ? null : `renewed ${formatAgo(now - instants(status).renewedAt)} ago`;
}

/** Everything a row shows about the token, in words. */
export function tokenLife(input: LifeInput, now: number): TokenLife {
  const state = lifeState(input, now);
  const { nextAt } = instants(input.status);
  const word =
    state === 'retrying' && nextAt > now
      ? // Rounded up, so the last second reads "in 1 s", not "in 0 s".
        `Retrying in ${formatAgo(nextAt - now + 999)}`
      : LIFE_WORDS[state];
  return { state, word, countdown: countdownText(state, input.status, now), renewed: lifeRenewed(input, now) };
}

export function sameLife(a: TokenLife, b: TokenLife): boolean {
  return a.state === b.state && a.word === b.word && a.countdown === b.countdown && a.renewed === b.renewed;
}
