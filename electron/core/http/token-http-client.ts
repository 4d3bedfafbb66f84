import { DEFAULT_TIMEOUT_SECONDS } from '../../../shared/ipc/provider-view';
import type { FetchInit, FetchPort, FetchReply, ReplyHeaders, Sleep } from '../ports';
import type { CancelSignal } from './cancel-signal';
import { TokenError } from '../exchange-errors/token-error';
import { MAX_RESPONSE_BYTES, readCappedBody } from './read-capped-body';
import type { RequestBudget } from './request-budget';

export interface TokenHttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | URLSearchParams | FormData;
}

export interface TokenHttpReply {
  status: number;
  headers: ReplyHeaders;
  text: string;
}

export interface TokenHttpOptions {
  /** The time and cancel for the whole request: every attempt and wait draws on it. */
  budget: RequestBudget;
  sleep: Sleep;
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = DEFAULT_TIMEOUT_SECONDS * 1000;

/**
 * Sends one token request safely: no redirects (a 3xx names where it wanted to go, and
 * nothing is sent there), a capped body, one retry after a connection reset, and one
 * wait-and-retry for a Retry-After that ends before the budget does. A longer Retry-After
 * is returned at once, so the caller reports when to retry instead of timing out.
 */
export async function sendTokenRequest(fetch: FetchPort, request: TokenHttpRequest, options: TokenHttpOptions): Promise<TokenHttpReply> {
  const { budget } = options;
  let resetRetried = false;
  let rateRetried = false;
  for (;;) {
    const stop = budget.stopped(request.url.host);
    if (stop) throw stop;
    let reply: TokenHttpReply;
    try {
      reply = await sendOnce(fetch, request, options);
    } catch (error) {
      if (!resetRetried && error instanceof TokenError && error.kind === 'network' && error.details.providerCode === 'reset') {
        resetRetried = true;
        continue;
      }
      throw error;
    }
    if (reply.status === 429 && !rateRetried) {
      const wait = retryAfterSeconds(reply.headers.get('retry-after'), budget.now());
      // Strictly before the deadline: a wait that ends with it leaves no time for the retry.
      if (wait !== undefined && wait * 1000 < budget.remainingMs()) {
        rateRetried = true;
        await budget.wait(wait * 1000, options.sleep);
        continue;
      }
    }
    return reply;
  }
}

async function sendOnce(fetch: FetchPort, request: TokenHttpRequest, options: TokenHttpOptions): Promise<TokenHttpReply> {
  const { budget } = options;
  const init = buildInit(request, budget.signal);
  let response: FetchReply;
  try {
    response = await fetch(request.url.href, init);
  } catch (error) {
    throw budget.stopped(request.url.host) ?? networkError(error, request.url);
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel();
    throw redirectError(request.url, response.headers.get('location'));
  }
  try {
    const text = await readCappedBody(response, options.maxBytes ?? MAX_RESPONSE_BYTES);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof TokenError) throw error;
    throw budget.stopped(request.url.host) ?? networkError(error, request.url);
  }
}

/** Spread into a RequestInit: Node's type for it leaves out `cache`, which undici and Chromium both honour. */
export const NEVER_STORED = { cache: 'no-store' } as const;

/** Refused before anything is sent: not a network problem, and the platform's own message would quote the value (maybe a secret). */
function unbuildable(reason: string): TokenError {
  return new TokenError('config', `Keymint could not build the token request: ${reason}. Check the fields and the recipe.`);
}

function buildInit(request: TokenHttpRequest, signal: CancelSignal): FetchInit {
  if (request.body !== undefined && /^(GET|HEAD)$/i.test(request.method)) throw unbuildable(`a ${request.method} request cannot carry a body`);
  let headers: Headers;
  try {
    headers = new Headers(request.headers);
  } catch {
    throw unbuildable('a header value holds characters HTTP does not allow, such as a line break');
  }
  // A token reply must never be kept by an HTTP cache, and no cookie or stored credential may
  // ride along: the recipe's own headers are all a provider receives.
  return { cache: NEVER_STORED.cache, method: request.method, headers, body: request.body, redirect: 'manual', credentials: 'omit', signal } as FetchInit;
}

function redirectError(from: URL, location: string | null): TokenError {
  let target = 'another address';
  if (location) {
    try {
      const to = new URL(location, from);
      target = to.origin === from.origin ? `${to.origin}${to.pathname}` : to.origin;
    } catch {
      target = 'an unreadable address';
    }
  }
  return new TokenError(
    'redirect',
    `The provider redirected the token request to ${target}. Keymint does not follow redirects with credentials; check the base URL.`,
  );
}

const TLS_CODES = /CERT|SSL|TLS|ERR_CERT|self.signed/i;
const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

function networkError(error: unknown, url: URL): TokenError {
  // Electron's net.fetch rejects a manual redirect instead of returning the 3xx; nothing was sent there.
  if (/redirect was cancelled/i.test((error as Error | undefined)?.message ?? '')) return redirectError(url, null);
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? '';
  const text = `${code} ${cause?.message ?? ''} ${(error as Error | undefined)?.message ?? ''}`;
  if (TLS_CODES.test(text)) {
    return new TokenError('tls', `The secure connection to ${url.host} failed (${code || 'certificate problem'}). Check the URL; Keymint does not skip certificate checks.`);
  }
  if (RESET_CODES.has(code)) {
    return new TokenError('network', `The connection to ${url.host} was reset.`, { providerCode: 'reset' });
  }
  const reason = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'host not found' : code || 'network error';
  return new TokenError('network', `Could not reach ${url.host} (${reason}). Check the base URL and your connection.`);
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
