/**
 * Characters that must not reach the page as they are: C0 and C1 controls (but tab and line
 * feed), DEL, and the invisible or direction-changing marks a hostile reply could use to make
 * the text read other than it is (bidi overrides and isolates, zero-width characters, BOM), and
 * unpaired surrogates.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Printable ASCII, tab and line feed: most replies are only this, and need no cleaning. */
const PLAIN = /^[\x20-\x7e\t\n]*$/;

/** Shown in place of each unsafe character, so the user sees that something was there. */
export const REPLACEMENT = '\ufffd';

/** More than this share of unreadable characters and the reply is described, not shown. */
const BINARY_SHARE = 0.1;

export interface SafeText {
  text: string;
  /** Characters left out past the cap. */
  omittedChars: number;
}

/** Text from outside (a provider's reply, a user's value) made safe to show: unsafe characters replaced, cut at `maxChars`. */
export function safeText(text: string, maxChars: number): SafeText {
  const cut = text.length > maxChars ? text.slice(0, maxChars) : text;
  if (PLAIN.test(cut)) return { text: cut, omittedChars: text.length - cut.length };
  return { text: cut.replace(/\r\n/g, '\n').replace(UNSAFE, REPLACEMENT), omittedChars: text.length - cut.length };
}

/**
 * A reply that is mostly not text (an image, compressed bytes, a wrong encoding) is described
 * by its size: its bytes were replaced by U+FFFD on decoding and would only fill the panel.
 */
export function looksBinary(text: string): boolean {
  if (!text) return false;
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  if (PLAIN.test(sample)) return false;
  let unreadable = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || code === 0 || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) unreadable++;
  }
  return unreadable / sample.length > BINARY_SHARE;
}
