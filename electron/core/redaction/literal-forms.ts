/**
 * The exact spellings a secret takes in what Keymint itself sends and in the usual echoes of
 * it: as is, JSON-escaped, percent- and form-encoded, base64 (padded or not), base64url and
 * hex. Plain substrings, so scrubbing with them costs microseconds per text; the regular
 * expressions of `encodedFormsPattern` also catch mixed encodings and changed case, but cost
 * milliseconds to build, too much for every token request.
 */
export function literalForms(value: string): string[] {
  const bytes = Buffer.from(value);
  const base64 = bytes.toString('base64');
  const forms = new Set([
    value,
    JSON.stringify(value).slice(1, -1),
    JSON.stringify(value).slice(1, -1).replaceAll('/', '\\/'),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
  ]);
  // Longest first, so a padded base64 is taken whole rather than leaving its `=` behind.
  return [...forms].sort((a, b) => b.length - a.length);
}
