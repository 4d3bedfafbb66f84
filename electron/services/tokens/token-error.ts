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
  | 'disabled';

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
