/**
 * The character rules a header line must follow. Checked on both ends: recipes (names and
 * schemes a user writes) and replies (tokens a provider returns), because whatever breaks
 * them ends up in a header another program sends — a CR/LF there splits the request.
 */

/** RFC 9110 §5.6.2 `token` (1*tchar): header names and auth schemes. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** RFC 6750 §2.1 `b64token`: what may follow "Bearer " in an Authorization header. */
const B64_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function isHttpToken(text: string): boolean {
  return HTTP_TOKEN.test(text);
}

export function isB64Token(text: string): boolean {
  return B64_TOKEN.test(text);
}

/** The tchar set in words, for messages that ask a user to fix a name. */
export const HTTP_TOKEN_WORDS = "letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ (no spaces, colons or quotes)";
