import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { EXPIRY_SOURCE, type AbsurdExpiry } from '../../../shared/tokens/expiry';
import { isB64Token, isHttpToken } from '../../../shared/http/header-syntax';
import { TokenError } from '../exchange-errors/token-error';

/**
 * Checks a successful reply before its token is used. Each refusal names the provider as the
 * user named it and never quotes the token.
 */

/** RFC 6750 §2.1: anything else (a space, a quote, CR/LF) would break or split the header line
 * the user pastes, so such a token is never stored and never reaches the clipboard. */
export function checkTokenSyntax(token: string, providerName: string): void {
  if (isB64Token(token)) return;
  throw new TokenError(
    'bad-token',
    `${providerName} returned a token that cannot go in a header: it holds characters a bearer token may not contain (such as spaces, quotes or line breaks), so Keymint did not keep it.`,
  );
}

/**
 * RFC 6749 §7.1: a client must not use a token whose type it does not understand. Only the
 * top-level `token_type` counts (Botlhale's Cognito reply nests its own TokenType). Bearer in
 * any letter case is Bearer; another type is accepted only when the recipe sends that scheme.
 */
export function checkTokenType(body: unknown, header: Recipe['header'], providerName: string): void {
  const type = topLevel(body, 'token_type');
  // null or "" say nothing about the type; the recipe's header then stands.
  if (type === undefined || type === null || type === '') return;
  if (typeof type === 'string' && isHttpToken(type)) {
    const lower = type.toLowerCase();
    if (lower === 'bearer' || lower === header.scheme.toLowerCase()) return;
  }
  const named = typeof type === 'string' && isHttpToken(type) && type.length <= 40 ? type : undefined;
  const line = header.scheme ? `${header.name}: ${header.scheme} <token>` : `${header.name}: <token>`;
  throw new TokenError(
    'token-type',
    `${providerName} issued ${named ? `a "${named}" token` : 'a token of an unrecognised type'}, which cannot be sent as "${line}": ` +
      `a token of another type must not be used as if it were one (RFC 6749 §7.1). Ask the provider for a Bearer token` +
      `${named ? `, or, if the API expects "${named}" tokens, use a custom recipe whose header scheme is "${named}"` : ''}.`,
  );
}

/** A refusal for an expiry over the 10-year limit, saying where it came from and what it said. */
export function expiryError(expiry: AbsurdExpiry, providerName: string): TokenError {
  const what = expiry.reported === undefined ? expiry.absurd : `${expiry.absurd} = ${expiry.reported}`;
  if (expiry.absurd === EXPIRY_SOURCE.lifetime) {
    return new TokenError('expiry', `The token lifetime set for ${providerName} is more than 10 years; set a shorter one under Advanced.`);
  }
  return new TokenError(
    'expiry',
    `${providerName} reported an absurd expiry (${what}): more than 10 years ahead, so Keymint did not keep the token. ` +
      'For a custom recipe, check that its expiry kind matches the field (seconds, minutes or a timestamp).',
  );
}

const MAX_SCOPE_TEXT = 200;

/**
 * RFC 6749 §5.1: a server may grant less than was asked, and then says so in `scope`. Words
 * for the status when any requested scope is missing; nothing when `scope` is absent (it then
 * equals the request) or nothing was requested (the server's default applies).
 */
export function scopeNote(body: unknown, requestedScope: string | undefined): string | undefined {
  const requested = scopeTokens(requestedScope ?? '');
  const granted = topLevel(body, 'scope');
  if (requested.length === 0 || typeof granted !== 'string') return undefined;
  const grantedTokens = new Set(scopeTokens(granted));
  if (requested.every((scope) => grantedTokens.has(scope))) return undefined;
  const asked = scopeText(requested);
  return grantedTokens.size === 0
    ? `No scope was granted, narrower than requested "${asked}".`
    : `Granted scope "${scopeText([...grantedTokens])}" is narrower than requested "${asked}".`;
}

/** RFC 6749 §3.3 scope-token characters; anything else (or anything long) is not quoted back. */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/;
const scopeTokens = (scope: string) => scope.split(/\s+/).filter((token) => SCOPE_TOKEN.test(token));

function scopeText(tokens: string[]): string {
  const text = tokens.join(' ');
  if (text.length <= MAX_SCOPE_TEXT) return text;
  const cut = text.lastIndexOf(' ', MAX_SCOPE_TEXT);
  return `${text.slice(0, cut > 0 ? cut : MAX_SCOPE_TEXT)}…`;
}

/** A member of the reply object itself, by its exact RFC name (not a recipe path). */
function topLevel(body: unknown, key: string): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
}
