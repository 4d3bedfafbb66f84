/** Shorter tokens show nothing: 4 + 4 characters of a short token are most of it. */
const MIN_PREVIEW_LENGTH = 17;
const MASK = '••••••••';

/**
 * A token as the details panel may show it: its first and last 4 characters around a mask, so
 * the user can tell two tokens apart; fully masked when the token is 16 characters or shorter.
 * Characters that could not go in a header (a damaged record) are masked too.
 */
export function maskToken(token: string): string {
  if (token.length < MIN_PREVIEW_LENGTH) return MASK;
  const shown = (part: string) => part.replace(/[^A-Za-z0-9._~+/=-]/g, '•');
  return `${shown(token.slice(0, 4))}${MASK}${shown(token.slice(-4))}`;
}
