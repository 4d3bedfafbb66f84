const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const hex2 = (byte: number) => byte.toString(16).padStart(2, '0');

/**
 * Every way one character of a secret may be written in transit: as is, percent-encoded (any
 * case; `+` for a space in a form), or JSON-escaped (`\"`, `\/`, `\t`, `\u00e9`). Per character,
 * because servers mix them: one escapes `/` but not `é`, another encodes only what it must.
 */
function characterForms(char: string): string[] {
  const forms = new Set([char, JSON.stringify(char).slice(1, -1)]);
  forms.add([...new TextEncoder().encode(char)].map((byte) => `%${hex2(byte)}`).join(''));
  let unicode = '';
  for (let i = 0; i < char.length; i++) unicode += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  forms.add(unicode);
  if (char === ' ') forms.add('+');
  if (char === '/') forms.add('\\/');
  return [...forms];
}

/** Tokens run to a thousand characters from a small alphabet: each character's group is built once. */
const characterPatterns = new Map<string, string>();

function characterPattern(char: string): string {
  let pattern = characterPatterns.get(char);
  if (pattern === undefined) {
    pattern = `(?:${characterForms(char).map(escapeRegExp).join('|')})`;
    // Only the ASCII alphabet is kept: a secret's other characters must not linger here.
    if (char < '\x80') characterPatterns.set(char, pattern);
  }
  return pattern;
}

/**
 * A regular expression source (for the `i` flag, so case changes of the secret and of hex or
 * percent digits match too) for a secret as it may appear in transit or at rest: as is, URL-,
 * form- or JSON-encoded in any mix, base64 (padded or not), base64url, or hex.
 */
export function encodedFormsPattern(value: string): string {
  const textual = [...value].map(characterPattern).join('');
  const bytes = Buffer.from(value);
  const base64 = bytes.toString('base64');
  const binary = new Set([base64, base64.replace(/=+$/, ''), bytes.toString('base64url'), bytes.toString('hex')]);
  // Longest first, so a padded base64 is taken whole rather than leaving its `=` behind.
  const literal = [...binary].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return [textual, ...literal].join('|');
}
