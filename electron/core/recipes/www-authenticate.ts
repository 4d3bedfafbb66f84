/**
 * Reads a WWW-Authenticate header (RFC 9110 §11.6.1) into its challenges. Token endpoints
 * that answer 401 with an empty body put the OAuth error there instead (RFC 6750 §3:
 * `Bearer realm="x", error="invalid_client", error_description="..."`).
 *
 * The header is hostile input: a hand-written scanner (linear, no backtracking regexes),
 * caps on size and counts, parameters in a Map (a name such as `__proto__` is just a name),
 * and on anything malformed it stops and keeps what it had read so far.
 */

export interface Challenge {
  /** Lower-cased: schemes are case-insensitive (RFC 9110 §11.1). */
  scheme: string;
  /** Parameter names lower-cased (§11.2); the first of a repeated name wins. */
  params: ReadonlyMap<string, string>;
  token68?: string;
}

/** Far above any real challenge list; a longer header is not worth reading. */
const MAX_HEADER_LENGTH = 8192;
const MAX_CHALLENGES = 16;
const MAX_PARAMS = 32;

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*/y;
/** RFC 9110 §5.6.4 qdtext and quoted-pair text: HTAB, SP, VCHAR, obs-text — no other controls. */
const QUOTABLE = /[\t\x20-\x7e\x80-\xff]/;

export function parseWwwAuthenticate(header: string | null | undefined): Challenge[] {
  if (!header || header.length > MAX_HEADER_LENGTH) return [];
  const scan = new Scanner(header);
  const challenges: Challenge[] = [];
  while (challenges.length < MAX_CHALLENGES) {
    scan.skipSeparators();
    if (scan.done()) break;
    const scheme = scan.token();
    if (scheme === undefined) break;
    const params = new Map<string, string>();
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params };
    challenges.push(challenge);
    if (scan.done() || scan.at(',')) continue;
    if (!scan.spaces()) break;
    const token68 = scan.token68();
    if (token68 !== undefined) {
      challenge.token68 = token68;
      continue;
    }
    if (!readParams(scan, params)) break;
  }
  return challenges;
}

/** Reads `name=value` pairs up to the next challenge; false when the header is malformed. */
function readParams(scan: Scanner, params: Map<string, string>): boolean {
  let count = 0;
  for (;;) {
    const mark = scan.position;
    scan.skipSeparators();
    if (scan.done()) return true;
    const name = scan.token();
    if (name === undefined) return false;
    scan.spaces();
    if (!scan.eat('=')) {
      // A token without "=" is the next challenge's scheme: hand it back.
      scan.position = mark;
      return true;
    }
    scan.spaces();
    const value = scan.at('"') ? scan.quoted() : scan.token();
    if (value === undefined) return false;
    count += 1;
    if (count > MAX_PARAMS) return false;
    const key = name.toLowerCase();
    if (!params.has(key)) params.set(key, value);
    scan.spaces();
    if (!scan.done() && !scan.at(',')) return false;
  }
}

class Scanner {
  position = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.position >= this.text.length;
  }

  at(char: string): boolean {
    return this.text[this.position] === char;
  }

  eat(char: string): boolean {
    if (!this.at(char)) return false;
    this.position += 1;
    return true;
  }

  /** OWS; true when at least one space or tab was skipped. */
  spaces(): boolean {
    const start = this.position;
    while (this.at(' ') || this.at('\t')) this.position += 1;
    return this.position > start;
  }

  /** Empty list elements are allowed (RFC 9110 §5.6.1): `, ,Basic` is one challenge. */
  skipSeparators(): void {
    while (this.spaces() || this.eat(','));
  }

  token(): string | undefined {
    return this.sticky(TOKEN);
  }

  /** token68 only when it is all there is before the next `,` or the end; else nothing is consumed. */
  token68(): string | undefined {
    const start = this.position;
    const value = this.sticky(TOKEN68);
    if (value === undefined) return undefined;
    this.spaces();
    if (this.done() || this.at(',')) return value;
    this.position = start;
    return undefined;
  }

  /** A quoted-string with its escapes undone; undefined when unterminated or holding controls. */
  quoted(): string | undefined {
    let value = '';
    this.position += 1;
    while (!this.done()) {
      const char = this.text[this.position] ?? '';
      this.position += 1;
      if (char === '"') return value;
      if (char === '\\') {
        const escaped = this.text[this.position] ?? '';
        if (!QUOTABLE.test(escaped)) return undefined;
        this.position += 1;
        value += escaped;
      } else if (QUOTABLE.test(char)) {
        value += char;
      } else {
        return undefined;
      }
    }
    return undefined;
  }

  private sticky(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.text);
    if (!match) return undefined;
    this.position = pattern.lastIndex;
    return match[0];
  }
}
