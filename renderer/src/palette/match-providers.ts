import type { ProviderView } from '../../../shared/ipc/provider-view';
import { findPreset } from '../../../shared/recipes/presets';

/** What the palette searches: the name, the preset (id and label) and the host. */
export interface Searchable {
  view: ProviderView;
  name: string;
  preset: string;
  host: string;
}

export interface ProviderMatch {
  view: ProviderView;
  score: number;
}

/** The host of a base URL ("api.togai.com"), or the text itself when it does not parse. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** Lower-cased once per provider, not once per keystroke. */
export function searchable(view: ProviderView): Searchable {
  const preset = findPreset(view.presetId);
  return {
    view,
    name: view.name.toLowerCase(),
    preset: `${view.presetId} ${preset?.label ?? ''}`.toLowerCase(),
    host: hostOf(view.baseUrl).toLowerCase(),
  };
}

/**
 * How well one typed word fits a provider: the name beginning with it beats a word of the name
 * beginning with it, beats it anywhere in the name, beats the preset or host holding it, beats
 * its letters in order in the name ("bleu" finds "Billing EU"). 0 when it fits nowhere.
 */
function wordScore(word: string, item: Searchable): number {
  const at = item.name.indexOf(word);
  if (at === 0) return 100;
  if (at > 0) return /[^\p{L}\p{N}]/u.test(item.name[at - 1]!) ? 80 : 60;
  if (item.preset.includes(word)) return 45;
  if (item.host.includes(word)) return 40;
  const spread = subsequenceSpread(word, item.name);
  // Letters close together fit better than letters scattered across a long name.
  return spread === undefined ? 0 : Math.max(1, 30 - (spread - word.length));
}

/** How many characters of `text` the letters of `word` span, in order; undefined when they are not all there. */
function subsequenceSpread(word: string, text: string): number | undefined {
  let from = -1;
  let start = -1;
  for (const letter of word) {
    from = text.indexOf(letter, from + 1);
    if (from < 0) return undefined;
    if (start < 0) start = from;
  }
  return from - start + 1;
}

/**
 * The providers a query finds, best first (ties by name): every word typed must fit somewhere.
 * An empty query lists every provider by name. Pure, so the palette's ranking is unit-tested.
 */
export function matchProviders(items: readonly Searchable[], query: string): ProviderMatch[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches: ProviderMatch[] = [];
  for (const item of items) {
    let score = 0;
    for (const word of words) {
      const fit = wordScore(word, item);
      if (fit === 0) {
        score = -1;
        break;
      }
      score += fit;
    }
    if (score >= 0) matches.push({ view: item.view, score });
  }
  return matches.sort((a, b) => b.score - a.score || a.view.name.localeCompare(b.view.name));
}
