/** Characters every encoding below leaves as they are: a value of only these has one textual spelling. */
const ENCODING_SAFE = /^[A-Za-z0-9._~-]*$/;
/**
 * Binary spellings (base64, hex) are built only for values up to this long: client secrets and
 * keys, which a server may echo base64'd (as in a Basic credential). A token runs to a thousand
 * characters, and nobody echoes it in hex; building those forms for it would cost more than
 * the rest of the record.
 */
const BINARY_FORMS_MAX_CHARS = 256;

/**
 * The exact spellings a secret takes in what Keymint itself sends and in the usual echoes of
 * it: as is, JSON-escaped, percent- and form-encoded, and (for short values) base64 (padded or
 * not), base64url and hex. Plain substrings, so scrubbing with them costs microseconds per
 * text; the regular expressions of `encodedFormsPattern` also catch mixed encodings and
 * changed case, but cost milliseconds to build, too much for every token request.
 *
 * Every spelling is at least as long as the value itself (each encoding only lengthens it), so
 * a text shorter than the value holds none of them: the registry relies on that to skip work.
 */
export function literalForms(value: string): string[] {
  const forms = new Set([value]);
  if (!ENCODING_SAFE.test(value)) {
    const json = JSON.stringify(value).slice(1, -1);
    forms.add(json);
    forms.add(json.replaceAll('/', '\\/'));
    const percent = percentEncoded(value);
    if (percent !== undefined) forms.add(percent);
    forms.add(new URLSearchParams({ v: value }).toString().slice(2));
  }
  if (value.length <= BINARY_FORMS_MAX_CHARS) {
    const bytes = Buffer.from(value);
    const base64 = bytes.toString('base64');
    forms.add(base64);
    forms.add(base64.replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
    forms.add(bytes.toString('hex'));
  }
  // Longest first, so a padded base64 is taken whole rather than leaving its `=` behind.
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * A lone surrogate (a hostile reply's JSON may carry one) has no UTF-8 form, and
 * encodeURIComponent throws on it: no request could have sent such a value percent-encoded,
 * so it has no such spelling, and its other spellings are still scrubbed.
 */
function percentEncoded(value: string): string | undefined {
  try {
    return encodeURIComponent(value);
  } catch {
    return undefined;
  }
}
