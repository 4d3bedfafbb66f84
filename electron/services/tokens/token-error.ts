/** Why a token request failed. Messages are advice for the user and never hold a secret. */
export type TokenErrorKind =
  | 'config'
  | 'insecure-url'
  | 'network'
  | 'timeout'
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
