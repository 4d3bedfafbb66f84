import { pathLabel, readPath } from '../../../shared/recipes/json-path';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { resolveExpiry } from '../../../shared/tokens/expiry';
import { decodeJwtClaims, visibleClaims } from '../../../shared/tokens/jwt';
import type { TokenHttpReply } from '../http/token-http-client';
import type { Redact } from '../exchange-errors/provider-message';
import { TokenError } from '../exchange-errors/token-error';
import { checkTokenSyntax, checkTokenType, expiryError, scopeNote } from './reply-checks';
import { statusError } from './status-error';

export interface TokenGrant {
  token: string;
  refreshToken?: string;
  /** Values the recipe keeps for later requests (e.g. Highline's subject). */
  saved: Record<string, string>;
  obtainedAt: number;
  expiresAt: number | null;
  expirySource: string;
  claims?: Record<string, string>;
  /** Set when the server granted a narrower scope than was asked for, in words for the status. */
  scopeNote?: string;
}

export interface MapReplyOptions {
  now: number;
  lifetimeSeconds?: number;
  /** The provider as the user named it: every message says this, not the recipe's name. */
  providerName: string;
  /** The `scope` the request asked for (space-separated), to notice a narrower grant. */
  requestedScope?: string;
  /** Scrubs the request's secrets from the provider's words before they are folded into a message. */
  redact?: Redact;
}

/**
 * Reads the token, refresh token and expiry out of a reply, or explains why it cannot. A token
 * is only handed on once it can go in a header, is of a type the recipe sends, and has a sane
 * expiry: whatever is returned here may be stored and copied.
 */
export function mapTokenReply(recipe: Recipe, reply: TokenHttpReply, options: MapReplyOptions): TokenGrant {
  const { response } = recipe;
  const name = options.providerName;
  if (!response.successStatus.includes(reply.status)) throw statusError(recipe, reply, options);

  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    throw new TokenError('unreadable', `${name} answered HTTP ${reply.status} but the reply is not JSON, so no token could be read.`);
  }
  for (const rule of response.mustBeTrue) {
    const hit = readPath(body, rule.path);
    if (hit.found && hit.value === false) throw new TokenError('disabled', rule.message);
  }
  const token = readPath(body, response.token);
  if (!token.found || typeof token.value !== 'string' || token.value === '') {
    throw new TokenError('mapping', `${name}'s reply has no token at "${pathText(response.token)}" (it has: ${keysOf(body)}).`);
  }
  checkTokenSyntax(token.value, name);
  checkTokenType(body, recipe.header, name);
  const saved: Record<string, string> = {};
  for (const [key, path] of Object.entries(response.save)) {
    const hit = readPath(body, path);
    if (hit.found && (typeof hit.value === 'string' || typeof hit.value === 'number')) saved[key] = String(hit.value);
  }
  const refresh = response.refreshToken ? readPath(body, response.refreshToken) : { found: false as const };
  const claims = decodeJwtClaims(token.value);
  const expiryHit = response.expiry ? readPath(body, response.expiry.path) : { found: false as const };
  const expiry = resolveExpiry({
    fromReply:
      response.expiry && expiryHit.found
        ? { raw: expiryHit.value, kind: response.expiry.kind, fieldName: pathLabel(expiryHit.path) }
        : undefined,
    jwtExp: claims?.exp,
    lifetimeSeconds: options.lifetimeSeconds,
    now: options.now,
  });
  if ('absurd' in expiry) throw expiryError(expiry, name);
  // A secret field named scope is never quoted back, not even in a note.
  const scopeIsSecret = recipe.fields.some((f) => f.key === 'scope' && f.secret);
  const note = scopeIsSecret ? undefined : scopeNote(body, options.requestedScope);
  return {
    token: token.value,
    refreshToken: refresh.found && typeof refresh.value === 'string' && refresh.value ? refresh.value : undefined,
    saved,
    obtainedAt: options.now,
    expiresAt: expiry.expiresAt,
    expirySource: expiry.source,
    claims: visibleClaims(claims),
    ...(note === undefined ? {} : { scopeNote: note }),
  };
}

const pathText = (path: string | string[]) => (typeof path === 'string' ? path : path.join('" or "'));

/** Key names only (never values), to help a user fix a custom recipe's token path. */
function keysOf(body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'no fields';
  // A hostile reply chooses its key names: printable ones only, each cut short.
  const keys = Object.keys(body)
    .filter((key) => /^[\x20-\x7e]+$/.test(key))
    .slice(0, 10)
    .map((key) => (key.length > 40 ? `${key.slice(0, 40)}…` : key));
  return keys.length ? keys.join(', ') : 'no fields';
}
