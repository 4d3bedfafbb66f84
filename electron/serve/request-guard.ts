import type { IncomingMessage } from 'node:http';

/** Where the served host is reachable: the Host header it answers to and its page's origin. */
export interface ServedAddress {
  /** `127.0.0.1:PORT` */
  host: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
}

export interface Refusal {
  status: 403;
  message: string;
}

/** What a request is for: signing in (a top-level navigation with the token), the page's files, or the API. */
export type RequestKind = 'sign-in' | 'page' | 'api';

const refuse = (message: string): Refusal => ({ status: 403, message });

/**
 * The checks that come before the cookie, on every request:
 * - Host must be exactly the loopback address and port: a page on another name that resolves
 *   to 127.0.0.1 (DNS rebinding) sends its own name.
 * - Origin, when sent, must be this page's; the API requires it (browsers send it on every
 *   POST, same-origin included), so a cross-site form or fetch is refused even before the
 *   SameSite cookie would be.
 * - Sec-Fetch-Site, when sent, must say same-origin, or none (typed in, a bookmark) for the
 *   page; only the sign-in link may be followed from elsewhere (a terminal, a chat).
 */
export function checkRequest(request: IncomingMessage, address: ServedAddress, kind: RequestKind): Refusal | undefined {
  const host = request.headers.host;
  if (host === undefined || host.toLowerCase() !== address.host) {
    return refuse(`Refused: this Keymint answers only at ${address.origin} (the Host header named another server).`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== address.origin) return refuse('Refused: Keymint does not answer other sites.');
  if (kind === 'api' && origin === undefined) return refuse('Refused: Keymint answers only its own page (the request had no Origin).');
  const site = request.headers['sec-fetch-site'];
  if (kind !== 'sign-in' && site !== undefined && site !== 'same-origin' && !(kind === 'page' && site === 'none')) {
    return refuse('Refused: Keymint does not answer other sites.');
  }
  return undefined;
}
