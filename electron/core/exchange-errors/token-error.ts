/** Why a token request failed. Messages are advice for the user and never hold a secret. */
export type TokenErrorKind =
  | 'config'
  | 'insecure-url'
  | 'network'
  | 'timeout'
  /** The caller gave up (an edit, a removal, a lock): nothing more is sent. */
  | 'cancelled'
  | 'tls'
  | 'redirect'
  | 'too-large'
  | 'http'
  | 'unreadable'
  | 'mapping'
  | 'disabled'
  /** The token has characters that cannot go in a header (RFC 6750 b64token). */
  | 'bad-token'
  /** The reply's `token_type` is not Bearer, nor the scheme the recipe sends (RFC 6749 §7.1). */
  | 'token-type'
  /** The reply (or the token's JWT `exp`) gives an expiry no token can have. */
  | 'expiry';

export class TokenError extends Error {
  constructor(
    readonly kind: TokenErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; providerCode?: string } = {},
  ) {
    super(message);
    this.name = 'TokenError';
  }
}
