import { ownValue } from '../../../shared/records/own-value';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { retryAfterSeconds, type TokenHttpReply } from '../http/token-http-client';
import { readOAuthError } from './oauth-error';
import { bodyShape, errorPageText, oauthHint, oauthWords, providerMessage, statusHint, type Redact } from '../exchange-errors/provider-message';
import { TokenError } from '../exchange-errors/token-error';

/**
 * Explains a reply whose status is not the recipe's success: the recipe's own words for a
 * documented status, else what the provider said and what to do next — by OAuth error code
 * when there is one, by status otherwise. `providerCode` keeps the OAuth code for the renewal
 * policy, which decides by it whether trying again can help.
 */
export function statusError(recipe: Recipe, reply: TokenHttpReply, options: { now: number; providerName: string; redact?: Redact }): TokenError {
  const name = options.providerName;
  const oauth = readOAuthError(reply);
  const said = oauth?.from === 'header' ? oauthWords(oauth, options.redact) : providerMessage(reply.text, options.redact);
  const documented = ownValue(recipe.statusMessages, String(reply.status));
  const retryAfter = retryAfterSeconds(reply.headers.get('retry-after'), options.now);
  const page = oauth?.uri === undefined ? undefined : errorPageText(oauth.uri);
  const more = page ? ` More from ${name} about this error: ${page}` : '';
  const hint = (oauth && oauthHint(oauth.code)) ?? statusHint(reply.status, retryAfter);
  const message = documented
    ? `${documented}${said ? ` ${name} said: "${said}".` : ''} (HTTP ${reply.status})${more}`
    : `${said ? `${name} said: "${said}"` : `${name} answered${unsaid(reply)}`} (HTTP ${reply.status}). ${hint}${more}`;
  return new TokenError('http', message, {
    status: reply.status,
    retryAfterSeconds: retryAfter !== undefined && retryAfter > 0 ? retryAfter : undefined,
    providerCode: oauth?.code,
  });
}

/** A body without recognisable words is never quoted (it may be the token itself): only its type and size. */
function unsaid(reply: TokenHttpReply): string {
  return reply.text.trim() ? ` with ${bodyShape(reply.text, reply.headers.get('content-type'))}` : '';
}
