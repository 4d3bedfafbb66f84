/** Something the user may want to hear about outside the window (the desktop app's notifications). */
export interface TokenAlert {
  kind: 'renewal-stopped' | 'expired';
  providerId: string;
  /** The provider as the user named it; never a token, a key or a provider's message. */
  providerName: string;
}

export interface TokenAlertsDeps {
  /** The provider's name; undefined once it is gone. */
  name(providerId: string): string | undefined;
  /** When the token the provider holds expires (null: never or none). */
  expiresAt(providerId: string): number | null | undefined;
  report(alert: TokenAlert): void;
}

/**
 * At most one alert per token: a renewal that stopped and then the same token running out is
 * one story, told once; a new token starts a new one.
 */
export class TokenAlerts {
  private readonly told = new Map<string, number | null>();

  constructor(private readonly deps: TokenAlertsDeps) {}

  renewalStopped(providerId: string): void {
    this.tell('renewal-stopped', providerId, this.deps.expiresAt(providerId) ?? null);
  }

  expired(providerId: string, expiresAt: number): void {
    this.tell('expired', providerId, expiresAt);
  }

  private tell(kind: TokenAlert['kind'], providerId: string, token: number | null): void {
    if (this.told.has(providerId) && this.told.get(providerId) === token) return;
    const providerName = this.deps.name(providerId);
    if (providerName === undefined) return;
    this.told.set(providerId, token);
    this.deps.report({ kind, providerId, providerName });
  }
}
