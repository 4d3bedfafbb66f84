/** Decodes a JWT's claims without verifying it: Keymint only reads `exp` and shows claims. */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  return decodeJwtPart(token, 1);
}

/** Decodes a JWT's header (alg, typ, kid…) without verifying it; the signature is never read. */
export function decodeJwtHeader(token: string): Record<string, unknown> | undefined {
  return decodeJwtPart(token, 0);
}

function decodeJwtPart(token: string, index: 0 | 1): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[index]) return undefined;
  try {
    const json = new TextDecoder().decode(base64UrlToBytes(parts[index]));
    const claims: unknown = JSON.parse(json);
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function base64UrlToBytes(segment: string): Uint8Array {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  // A plain loop: Uint8Array.from with a mapping callback costs tens of µs per token.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Claims safe to show: everything a JWT payload holds is already visible to its bearer, but we
 * keep only the standard, descriptive ones so no embedded credential is ever displayed. */
const SHOWN_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'scope', 'client_id', 'token_use'];

export function visibleClaims(claims: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!claims) return undefined;
  const shown: Record<string, string> = {};
  for (const key of SHOWN_CLAIMS) {
    const value = claims[key];
    if (value !== undefined) shown[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return shown;
}
