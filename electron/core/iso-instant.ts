/** How many formatted instants are kept; past it the memo starts again empty. */
const CAPACITY = 4096;
const written = new Map<number, string>();

/**
 * An instant (ms since the epoch) as ISO 8601 text, memoised: a token's few instants (obtained,
 * expires, next renewal) are written into its status, its event and its journal entry, about
 * ten formattings per token request at a microsecond each.
 */
export function isoInstant(instant: number): string {
  let text = written.get(instant);
  if (text === undefined) {
    text = new Date(instant).toISOString();
    if (written.size >= CAPACITY) written.clear();
    written.set(instant, text);
  }
  return text;
}
