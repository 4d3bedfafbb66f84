import type { ProviderView } from '../../../shared/ipc/provider-view';
import { findPreset } from '../../../shared/recipes/presets';
import { lifeState, type LifeState } from '../../../shared/tokens/token-life';

/**
 * What the board's search, status filter and sort make of the providers: pure, so the choices
 * are unit-tested, and cheap enough for a thousand providers on every state change.
 */
export type StatusFilter = 'all' | 'valid' | 'expiring' | 'failing' | 'needs-key' | 'none';
export type BoardSort = 'name' | 'expiry' | 'status';

export interface BoardChoices {
  query: string;
  filter: StatusFilter;
  sort: BoardSort;
}

export const DEFAULT_CHOICES: BoardChoices = { query: '', filter: 'all', sort: 'name' };

/** The summary's four groups; a provider with no token yet is in none of them. */
export type SummaryGroup = Exclude<StatusFilter, 'all' | 'none'>;

const GROUP_OF: Record<LifeState, SummaryGroup | 'none'> = {
  valid: 'valid',
  renewing: 'valid',
  paused: 'valid',
  expiring: 'expiring',
  error: 'failing',
  retrying: 'failing',
  expired: 'failing',
  'needs-key': 'needs-key',
  none: 'none',
};

/** Errors first, then what needs attention, then what is fine. */
const STATUS_RANK: Record<LifeState, number> = {
  error: 0,
  retrying: 1,
  expired: 2,
  'needs-key': 3,
  expiring: 4,
  renewing: 5,
  paused: 6,
  none: 7,
  valid: 8,
};

export type Summary = Record<SummaryGroup, number>;

export function summarize(states: readonly LifeState[]): Summary {
  const summary: Summary = { valid: 0, expiring: 0, failing: 0, 'needs-key': 0 };
  for (const state of states) {
    const group = GROUP_OF[state];
    if (group !== 'none') summary[group] += 1;
  }
  return summary;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Every word of the query must appear in the name, the preset or the address (any case). */
function matches(provider: ProviderView, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = `${provider.name} ${findPreset(provider.presetId)?.label ?? provider.presetId} ${provider.baseUrl}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function expiryOf(provider: ProviderView): number {
  const { status } = provider;
  // Without a token (or an expiry) a provider sorts after every known expiry.
  if (status.state !== 'valid' || status.expiresAt === null) return Number.POSITIVE_INFINITY;
  return Date.parse(status.expiresAt);
}

export function arrangeProviders(providers: readonly ProviderView[], choices: BoardChoices, now: number): ProviderView[] {
  const words = choices.query.toLowerCase().split(/\s+/).filter(Boolean);
  const states = new Map(providers.map((p) => [p.id, lifeState(p, now)]));
  const state = (p: ProviderView) => states.get(p.id) ?? 'none';
  const shown = providers.filter((p) => matches(p, words) && (choices.filter === 'all' || GROUP_OF[state(p)] === choices.filter));
  const byName = (a: ProviderView, b: ProviderView) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  const order: Record<BoardSort, (a: ProviderView, b: ProviderView) => number> = {
    name: byName,
    expiry: (a, b) => expiryOf(a) - expiryOf(b) || byName(a, b),
    status: (a, b) => STATUS_RANK[state(a)] - STATUS_RANK[state(b)] || byName(a, b),
  };
  return shown.sort(order[choices.sort]);
}
