import { pathLabel, readPath } from '../../../shared/recipes/json-path';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { resolveExpiry } from '../../../shared/tokens/expiry';
import { decodeJwtClaims, visibleClaims } from '../../../shared/tokens/jwt';
import { retryAfterSeconds, type TokenHttpReply } from '../http/token-http-client';
import { providerMessage, statusHint } from '../tokens/provider-message';
import { TokenError } from '../tokens/token-error';

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

/** Reads the token, refresh token and expiry out of a reply, or explains why it cannot. */
export function mapTokenReply(recipe: Recipe, reply: TokenHttpReply, options: { now: number; lifetimeSeconds?: number; providerName: string }): TokenGrant {
  const { response } = recipe;
  if (!response.successStatus.includes(reply.status)) throw statusError(recipe, reply, options.now);

  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    throw new TokenError('unreadable', `${recipe.name} answered HTTP ${reply.status} but the reply is not JSON, so no token could be read.`);
  }
  for (const rule of response.mustBeTrue) {
    const hit = readPath(body, rule.path);
    if (hit.found && hit.value === false) throw new TokenError('disabled', rule.message);
  }
  const token = readPath(body, response.token);
  if (!token.found || typeof token.value !== 'string' || token.value === '') {
    throw new TokenError('mapping', `${recipe.name}'s reply has no token at "${pathText(response.token)}" (it has: ${keysOf(body)}).`);
  }
  const saved: Record<string, string> = {};
  for (const [name, path] of Object.entries(response.save)) {
    const hit = readPath(body, path);
    if (hit.found && (typeof hit.value === 'string' || typeof hit.value === 'number')) saved[name] = String(hit.value);
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
  return {
    token: token.value,
    refreshToken: refresh.found && typeof refresh.value === 'string' && refresh.value ? refresh.value : undefined,
    saved,
    obtainedAt: options.now,
    expiresAt: expiry.expiresAt,
    expirySource: expiry.source,
    claims: visibleClaims(claims),
  };
}

function statusError(recipe: Recipe, reply: TokenHttpReply, now: number): TokenError {
  const said = providerMessage(reply.text);
  const documented = recipe.statusMessages[String(reply.status)];
  const retryAfter = retryAfterSeconds(reply.headers.get('retry-after'), now);
  const message = documented
    ? `${documented}${said ? ` ${recipe.name} said: "${said}".` : ''} (HTTP ${reply.status})`
    : `${said ? `${recipe.name} said: "${said}"` : `${recipe.name} answered`} (HTTP ${reply.status}). ${statusHint(reply.status, retryAfter)}`;
  return new TokenError('http', message, {
    status: reply.status,
    retryAfterSeconds: retryAfter !== undefined && retryAfter > 0 ? retryAfter : undefined,
    providerCode: oauthErrorCode(reply.text),
  });
}

function oauthErrorCode(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const code = (parsed as { error?: unknown } | null)?.error;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

const pathText = (path: string | string[]) => (typeof path === 'string' ? path : path.join('" or "'));

/** Key names only (never values), to help a user fix a custom recipe's token path. */
function keysOf(body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'no fields';
  const keys = Object.keys(body);
  return keys.length ? keys.slice(0, 10).join(', ') : 'no fields';
}
