import { createHmac, randomUUID } from 'node:crypto';

export type JwtClaims = Record<string, string | number | boolean>;

export interface MintedJwt {
  token: string;
  /** Epoch ms, equal to the `exp` claim so the JWT and the emulator agree on expiry. */
  expiresAt: number;
}

/**
 * Mints a real HS256 JWT so clients that decode `exp` see the same expiry the emulator enforces.
 * `iat`/`exp` are whole seconds (RFC 7519 NumericDate); a random `jti` keeps tokens minted within
 * the same second distinct, which refresh-token rotation depends on.
 */
export function mintJwt(key: Buffer, nowMs: number, lifetimeSeconds: number, claims: JwtClaims = {}): MintedJwt {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + lifetimeSeconds;
  const header = base64UrlJson({ alg: 'HS256', typ: 'JWT' });
  const payload = base64UrlJson({ ...claims, iat, exp, jti: randomUUID() });
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return { token: `${header}.${payload}.${signature}`, expiresAt: exp * 1000 };
}

function base64UrlJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
