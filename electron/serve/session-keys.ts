import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const secret = () => randomBytes(32).toString('base64url');
const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares in constant time (over digests, so unequal lengths take as long as equal ones). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The served host's two secrets: the sign-in token printed in the link, good once, and the
 * session it is exchanged for, held by the browser as an HttpOnly, SameSite=Strict cookie.
 * Cookies are shared by every port of a host, so the cookie's name carries the port: two served
 * hosts never overwrite each other's session.
 */
export class SessionKeys {
  readonly cookieName: string;
  #token: string | undefined = secret();
  #session: string | undefined;

  constructor(port: number) {
    this.cookieName = `keymint_session_${port}`;
  }

  /** The token for the printed link; undefined once it has been used. */
  get signInToken(): string | undefined {
    return this.#token;
  }

  /** The session for a correct, unused token (the token is spent); undefined for any other. */
  exchange(candidate: string): string | undefined {
    if (this.#token === undefined || !sameSecret(candidate, this.#token)) return undefined;
    this.#token = undefined;
    this.#session = secret();
    return this.#session;
  }

  /** The Set-Cookie value for a session: script cannot read it, other sites' requests do not carry it. */
  cookie(session: string): string {
    return `${this.cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Whether the Cookie header carries this host's session. */
  isSignedIn(cookieHeader: string | undefined): boolean {
    const session = this.#session;
    if (session === undefined || !cookieHeader) return false;
    let found = false;
    for (const part of cookieHeader.split(';')) {
      const at = part.indexOf('=');
      if (at < 0 || part.slice(0, at).trim() !== this.cookieName) continue;
      // Every candidate is compared, so the time taken does not depend on which one matched.
      if (sameSecret(part.slice(at + 1).trim(), session)) found = true;
    }
    return found;
  }
}
