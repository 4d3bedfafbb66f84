import { net } from 'electron';
import type { FetchPort } from '../services/ports';

/** Chromium's names for the failures the token client explains, in Node's (undici's) terms. */
const NODE_CODES: Readonly<Record<string, string>> = {
  'net::ERR_CONNECTION_REFUSED': 'ECONNREFUSED',
  'net::ERR_NAME_NOT_RESOLVED': 'ENOTFOUND',
  'net::ERR_CONNECTION_RESET': 'ECONNRESET',
};

/**
 * net.fetch goes through Chromium's network stack, so system proxies and certificates apply.
 * Cookies are neither sent nor stored: one provider's session must not ride along on a later
 * token request. Failures are reshaped like Node's fetch (`cause.code`), so the token client
 * explains them the same way in the app as in tests.
 */
export const electronFetch: FetchPort = async (request) => {
  // Token request bodies are a few hundred bytes: sending them buffered (multipart boundary
  // already in the headers) avoids relying on streamed uploads through Chromium's stack.
  const body = request.body ? await request.arrayBuffer() : undefined;
  const init: RequestInit = { method: request.method, headers: request.headers, body, redirect: request.redirect, signal: request.signal, credentials: 'omit' };
  try {
    return await net.fetch(request.url, init);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const code = Object.hasOwn(NODE_CODES, message) ? NODE_CODES[message] : undefined;
    throw code ? new TypeError('fetch failed', { cause: { code, message } }) : error;
  }
};
