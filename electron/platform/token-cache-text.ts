import { isRecord } from '../../shared/records/is-record';

/**
 * The token cache file's text: compact JSON, the same as `JSON.stringify(doc)`, with each
 * record's text kept per record object. Records are replaced, never modified (a new token is a
 * new object), so a commit serialises only the records that changed since the last one and
 * joins the rest as they were: at 1,000 providers, a fraction of a millisecond instead of
 * several, on the event loop, for every window of new tokens.
 */
const recordTexts = new WeakMap<object, string>();

export function tokenCacheText(doc: unknown): string {
  if (!isRecord(doc) || !isRecord(doc.tokens) || Object.keys(doc).at(-1) !== 'tokens') return JSON.stringify(doc);
  const records: string[] = [];
  for (const [id, record] of Object.entries(doc.tokens)) {
    const text = recordText(record);
    // JSON.stringify leaves out a property whose value has no JSON (undefined, a function).
    if (text !== undefined) records.push(`${JSON.stringify(id)}:${text}`);
  }
  const rest = JSON.stringify({ ...doc, tokens: {} });
  return `${rest.slice(0, -3)}{${records.join(',')}}}`;
}

function recordText(record: unknown): string | undefined {
  if (!isRecord(record)) return JSON.stringify(record) as string | undefined;
  let text = recordTexts.get(record);
  if (text === undefined) {
    text = JSON.stringify(record);
    recordTexts.set(record, text);
  }
  return text;
}
