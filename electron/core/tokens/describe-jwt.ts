import type { HeldTokenView } from '../../../shared/ipc/details-view';
import { decodeJwtClaims, decodeJwtHeader, visibleClaims } from '../../../shared/tokens/jwt';
import { safeText } from '../exchange-log/hostile-text';

/** The header fields a JWT header holds by standard (RFC 7515 §4.1, RFC 7519 §5): nothing secret. */
const HEADER_FIELDS = ['alg', 'typ', 'cty', 'kid', 'x5t', 'x5t#S256', 'jku', 'x5u', 'crit'];
/** A claim or header value is shown up to this many characters. */
const MAX_VALUE_CHARS = 500;

/**
 * The JWT's header and descriptive claims for the details panel, or null when the token is not
 * a JWT. The token's issuer chose every value: each is cut short and cleaned of control
 * characters. The signature is never decoded or shown.
 */
export function describeJwt(token: string, sealedClaims: Record<string, string> | undefined): HeldTokenView['jwt'] {
  const header = decodeJwtHeader(token);
  const claims = sealedClaims ?? visibleClaims(decodeJwtClaims(token));
  if (!header || !claims) return null;
  const clean = (fields: Record<string, unknown>, names: readonly string[]) => {
    const out: Record<string, string> = {};
    for (const name of names) {
      const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (value !== undefined) out[name] = safeText(typeof value === 'string' ? value : JSON.stringify(value), MAX_VALUE_CHARS).text;
    }
    return out;
  };
  return { header: clean(header, HEADER_FIELDS), claims: clean(claims, Object.keys(claims)) };
}
