import { session, type Session } from 'electron';
import { NEVER_STORED, abortSignalOf, type FetchPort } from '../core';

/** Chromium's names for the failures the token client explains, in Node's (undici's) terms. */
const NODE_CODES: Readonly<Record<string, string>> = {
  'net::ERR_CONNECTION_REFUSED': 'ECONNREFUSED',
  'net::ERR_NAME_NOT_RESOLVED': 'ENOTFOUND',
  'net::ERR_CONNECTION_RESET': 'ECONNRESET',
};

/** No `persist:` prefix: an in-memory session, so nothing of a token request (cache, cookies) reaches disk. */
export const TOKEN_PARTITION = 'keymint-token-requests';

let tokenSession: Session | undefined;

/**
 * Token requests go through Chromium's network stack (system proxies and certificates apply),
 * but in their own in-memory session: never the window's, whose cache and cookies live on disk.
 * Created on first use, since sessions exist only once the app is ready. Failures are reshaped
 * like Node's fetch (`cause.code`), so the token client explains them the same way in the app
 * as in tests.
 */
export const electronFetch: FetchPort = async (url, init) => {
  // Token request bodies are a few hundred bytes: sending them buffered (a Request serialises a
  // multipart form and puts its boundary in the headers) avoids relying on streamed uploads
  // through Chromium's stack.
  const request = new Request(url, { ...init, signal: init.signal && abortSignalOf(init.signal) });
  const body = request.body ? await request.arrayBuffer() : undefined;
  tokenSession ??= session.fromPartition(TOKEN_PARTITION);
  try {
    return await tokenSession.fetch(request.url, {
      ...NEVER_STORED,
      method: request.method,
      headers: request.headers,
      body,
      redirect: request.redirect,
      signal: request.signal,
      // Neither stored nor served from a cache (NEVER_STORED), and no cookie is sent or kept:
      // one provider's session must not ride along on a later token request.
      credentials: 'omit',
      // Straight to the network: no handler registered for a scheme may answer instead.
      bypassCustomProtocolHandlers: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const code = Object.hasOwn(NODE_CODES, message) ? NODE_CODES[message] : undefined;
    throw code ? new TypeError('fetch failed', { cause: { code, message } }) : error;
  }
};
