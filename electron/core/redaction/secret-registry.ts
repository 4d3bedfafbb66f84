import { encodedFormsPattern } from './encoded-forms';
import { literalForms } from './literal-forms';

/** Below this many characters a secret also spells ordinary words and numbers ("key", "401"). */
const SHORT_SECRET = 4;

/**
 * A short secret is scrubbed only where it stands as a whole value: the entire text, between
 * quotes (`"ab1"`, also JSON-escaped), or right after `=` / `:` up to a separator (`key=ab1&`,
 * `secret: ab1`). Matching it anywhere would shred ordinary text ("Check the key" for a secret
 * "key"); matching it between spaces would still shred words, so that position is left alone.
 */
function asWholeValue(pattern: string): string {
  const p = `(?:${pattern})`;
  return [`(?<=^\\s*)${p}(?=\\s*$)`, `(?<=["'])${p}(?=\\\\?["'])`, `(?<=[=:]\\s?)${p}(?=$|[\\s&,;})\\]"'])`].join('|');
}

/**
 * Every secret and token main has seen this session, so any text leaving main (an IPC error,
 * a log line) can be scrubbed of them, in every encoding and case they may appear in.
 */
export class SecretRegistry {
  /**
   * One expression per secret, compiled when text is first redacted after it was added, never
   * again: adding is what every token request does, redacting is what only errors and logs do.
   */
  private readonly secrets = new Map<string, RegExp | undefined>();
  private ordered: RegExp[] | undefined;
  /**
   * The secrets a literal scrub looks for, longest first; listed on the first literal scrub
   * after an add. Each one's spellings are built the first time a text is long enough to hold
   * one (see `redactLiterally`).
   */
  private literal: { value: string; forms?: string[] }[] | undefined;

  /** How many times each value was added and not yet released: it is scrubbed while any holds it. */
  private readonly holds = new Map<string, number>();

  add(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (!value) continue;
      this.holds.set(value, (this.holds.get(value) ?? 0) + 1);
      if (this.secrets.has(value)) continue;
      this.secrets.set(value, undefined);
      this.ordered = undefined;
      this.literal = undefined;
    }
  }

  /**
   * Gives back one `add` of each value (a token replaced by a newer one): a value is forgotten
   * once every add of it was released, so a secret added elsewhere too (the same text as a
   * field's value, say) is still scrubbed.
   */
  release(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (!value) continue;
      const left = (this.holds.get(value) ?? 0) - 1;
      if (left > 0) {
        this.holds.set(value, left);
        continue;
      }
      this.holds.delete(value);
      if (!this.secrets.delete(value)) continue;
      this.ordered = undefined;
      this.literal = undefined;
    }
  }

  /** Forgets everything, e.g. when the vault locks: main should hold no secret while locked. */
  clear(): void {
    this.secrets.clear();
    this.holds.clear();
    this.ordered = undefined;
    this.literal = undefined;
  }

  /** True when `text` is, exactly, one of the secrets (of any length). */
  isSecret(text: string): boolean {
    return this.secrets.has(text);
  }

  /**
   * The cheap scrub, for text recorded on every token request (the exchange log): every
   * secret's literal spellings (see literal-forms.ts) are replaced. Secrets shorter than four
   * characters are left to `isSecret` on whole values, since as substrings they spell words.
   */
  redactLiterally(text: string): string {
    this.literal ??= [...this.secrets.keys()]
      .filter((value) => value.length >= SHORT_SECRET)
      .sort((a, b) => b.length - a.length)
      .map((value) => ({ value }));
    let scrubbed = text;
    for (const secret of this.literal) {
      // No spelling of a secret is shorter than the secret (literal-forms.ts): most texts (a
      // header value, a URL) are shorter than a token, whose spellings are then never built.
      if (secret.value.length > scrubbed.length) continue;
      secret.forms ??= literalForms(secret.value);
      for (const form of secret.forms) {
        // Most texts (a header value, "Bearer", an expiry) are shorter than a token's forms.
        if (form.length <= scrubbed.length && scrubbed.includes(form)) scrubbed = scrubbed.replaceAll(form, '[redacted]');
      }
    }
    return scrubbed;
  }

  redact(text: string): string {
    // Longest secret first: one that contains another is redacted whole.
    this.ordered ??= [...this.secrets.keys()].sort((a, b) => b.length - a.length).map((value) => this.pattern(value));
    return this.ordered.reduce((scrubbed, pattern) => scrubbed.replace(pattern, '[redacted]'), text);
  }

  private pattern(value: string): RegExp {
    let pattern = this.secrets.get(value);
    if (!pattern) {
      const forms = encodedFormsPattern(value);
      pattern = new RegExp(value.length < SHORT_SECRET ? asWholeValue(forms) : forms, 'gi');
      this.secrets.set(value, pattern);
    }
    return pattern;
  }
}
