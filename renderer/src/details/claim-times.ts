import { formatSpan } from '../../../shared/tokens/renewal-words';

/** The JWT claims that are instants (RFC 7519 NumericDate: seconds since 1970). */
export const TIME_CLAIMS = ['iat', 'nbf', 'exp'] as const;
export type TimeClaim = (typeof TIME_CLAIMS)[number];

export const CLAIM_NAMES: Record<string, string> = {
  iss: 'Issuer',
  sub: 'Subject',
  aud: 'Audience',
  scope: 'Scope',
  iat: 'Issued at',
  nbf: 'Not before',
  exp: 'Expires',
  client_id: 'Client ID',
  token_use: 'Token use',
};

/** A claim's value as an instant (epoch ms), or undefined when it is not a NumericDate. */
export function claimInstant(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,12}(\.\d+)?$/.test(value)) return undefined;
  return Math.round(Number(value) * 1000);
}

/** "in 59 min 58 s" or "3 h 04 min ago". */
export function relativeWords(at: number, now: number): string {
  const span = formatSpan(Math.abs(at - now));
  if (Math.abs(at - now) < 1000) return 'now';
  return at > now ? `in ${span}` : `${span} ago`;
}

/** The instant in the reader's own time zone and words, to the second. */
export function instantWords(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
}

/**
 * A token issued, or valid only from, a moment still to come means one of the two clocks is
 * wrong: this computer's or the issuer's. Renewal plans on this computer's clock, so say it.
 */
export function clockSkewWarning(claims: Record<string, string>, now: number): string | null {
  const ahead = (['iat', 'nbf'] as const)
    .map((name) => ({ name, at: claimInstant(claims[name]) }))
    .filter((claim): claim is { name: 'iat' | 'nbf'; at: number } => claim.at !== undefined && claim.at - now >= 1000);
  if (ahead.length === 0) return null;
  const words = ahead.map(({ name, at }) => `${CLAIM_NAMES[name]} (${name}) is ${formatSpan(at - now)} in the future`).join('; ');
  return `${words}: this computer's clock or the issuer's is off, so expiry and renewal times may be too.`;
}
