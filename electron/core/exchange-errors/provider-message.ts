/** Scrubs known secrets from a provider's words; applied before they are folded and clipped. */
export type Redact = (text: string) => string;
const asIs: Redact = (text) => text;

/**
 * The provider's own words from a JSON error reply, in any of the shapes providers use:
 * `{message}`, `{error, error_description}`, `[{errorCode, message}]`, `{errors:[...]}`.
 * Plain text and a bare JSON string say nothing here: such a body can be the token itself,
 * so the caller describes it by type and length instead. Secrets are redacted before the
 * words are folded onto one line and clipped: a secret holding a tab or two spaces, or one
 * the clip would cut in two, is still recognised.
 */
export function providerMessage(text: string, redact: Redact = asIs): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const found = fromJson(parsed, false, 0);
  return found ? clipWords(redact(found)) : undefined;
}

/** An OAuth error's words as providerMessage words a body's: "description (code)". */
export function oauthWords(error: { code: string; description?: string }, redact: Redact = asIs): string | undefined {
  return clipWords(redact(error.description ? `${error.description} (${error.code})` : error.code));
}

/** Error shapes nest a level or two; a hostile reply nested thousands deep must not exhaust the stack. */
const MAX_DEPTH = 8;
const MAX_ITEMS = 20;

/** A string counts only under a key that names it a message: never a reply that is just a string. */
function fromJson(value: unknown, keyed: boolean, depth: number): string | undefined {
  if (typeof value === 'string') return (keyed && value) || undefined;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const messages = value
      .slice(0, MAX_ITEMS)
      .map((item) => fromJson(item, keyed, depth + 1))
      .filter((m): m is string => Boolean(m));
    return messages.length ? messages.join('; ') : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (Object.hasOwn(record, key) && typeof record[key] === 'string' && record[key] ? (record[key] as string) : undefined);
  if (text('error_description')) return text('error') ? `${text('error_description')} (${text('error')})` : text('error_description');
  const message = text('message') ?? text('Message') ?? text('detail') ?? text('title');
  if (message) return text('errorCode') ? `${message} (${text('errorCode')})` : message;
  if (text('error')) return text('error');
  if (record.error && typeof record.error === 'object') return fromJson(record.error, true, depth + 1);
  if (Array.isArray(record.errors)) return fromJson(record.errors, true, depth + 1);
  return undefined;
}

/** A body with no words to show, by what it is and how long: "37 bytes of text/plain". */
export function bodyShape(text: string, contentType: string | null): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  // The header is the server's to choose: only a plain media type is repeated.
  const named = /^[a-z0-9!#$&^_.+-]{1,60}\/[a-z0-9!#$&^_.+-]{1,60}$/.test(type) ? type : 'an unnamed type';
  const bytes = new TextEncoder().encode(text).length;
  return `${bytes} byte${bytes === 1 ? '' : 's'} of ${named}`;
}

/** Cuts long messages between words: a secret the provider echoed must be shown whole (so it
 * can be redacted) or not at all, never as a prefix. */
export function clipWords(text: string): string | undefined {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= 300) return oneLine || undefined;
  const cut = oneLine.slice(0, 301).lastIndexOf(' ');
  return cut > 0 ? `${oneLine.slice(0, cut)}…` : undefined;
}

/**
 * What to do next, by OAuth error code (RFC 6749 §5.2, RFC 8707 §2): more precise than the
 * status, which servers choose inconsistently (invalid_client comes as 400 or 401). Field
 * names are the OAuth preset's labels. A Map, so a code such as "constructor" finds nothing.
 */
const OAUTH_HINTS = new Map<string, string>([
  [
    'invalid_client',
    'Check the Client ID and Client secret, and the Client authentication choice: this server may want them as HTTP Basic or in the request body.',
  ],
  ['invalid_scope', 'Check the Scope field: ask only for scopes this client is allowed (space-separated), or leave it empty for the default.'],
  [
    'invalid_target',
    'The server does not know the requested resource: check the Audience field (the API identifier registered on the server), or leave it empty.',
  ],
  [
    'unauthorized_client',
    'This client is not allowed to use this grant: enable the client credentials grant for it on the authorization server.',
  ],
  [
    'unsupported_grant_type',
    'The server does not offer this grant at this address: check that the Token URL is the token endpoint of a server that supports client credentials.',
  ],
  [
    'invalid_grant',
    'The server refused the grant (for example a refresh token that expired, was revoked or was already used): generate a new token; if that fails too, check the credentials.',
  ],
  [
    'invalid_request',
    'The server says the request is malformed (a parameter missing, repeated or not allowed, such as client credentials sent both as HTTP Basic and in the body): check the fields, the Client authentication choice and the Token URL.',
  ],
]);

export function oauthHint(code: string): string | undefined {
  return OAUTH_HINTS.get(code);
}

const MAX_PAGE_LENGTH = 200;

/**
 * An OAuth `error_uri` as plain text for the message — never a link (a hostile server chooses
 * it) and only an http(s) address without credentials. A long one is cut at a `/` boundary.
 */
export function errorPageText(raw: string): string | undefined {
  if (raw.length > 2000) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  // Origin and path only, and only as the server wrote them: a query may echo a value, and a
  // form the URL parser rewrote (case, percent-encoding) would slip past redaction.
  const page = `${url.origin}${url.pathname}`;
  if (!raw.includes(page)) return undefined;
  if (page.length <= MAX_PAGE_LENGTH) return page;
  const cut = page.lastIndexOf('/', MAX_PAGE_LENGTH - 1);
  return cut >= url.origin.length ? `${page.slice(0, cut + 1)}…` : undefined;
}

/** What to do next, by status. */
export function statusHint(status: number, retryAfterSeconds: number | undefined): string {
  if (status === 400) return 'The provider says the request is incomplete or malformed; check the fields.';
  if (status === 401) return 'Check the key and secret.';
  if (status === 403) return 'The provider says these credentials are not allowed to do this.';
  if (status === 404) return 'Not found: check the key, tenant or client, and the base URL.';
  if (status === 429) {
    return retryAfterSeconds === undefined ? 'Rate limited: wait a moment and retry.' : `Rate limited: retry in ${retryAfterSeconds} s.`;
  }
  if (status >= 500) return 'The provider is having trouble; try again later.';
  return 'Unexpected answer from the provider.';
}
