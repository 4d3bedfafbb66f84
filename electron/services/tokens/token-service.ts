import { z } from 'zod';
import { expirySuspicion } from '../../../shared/tokens/expiry';
import { NO_TOKEN, type TokenStatus } from '../../../shared/tokens/token-status';
import { AppError } from '../app-error';
import type { Cipher, ClipboardPort, Clock, Logger } from '../ports';
import { tokenPlace } from '../vault/places';
import { listWords } from '../../../shared/text/list-words';
import { missingLabels, recipeOf } from '../providers/provider-recipe';
import type { ProviderService } from '../providers/provider-service';
import type { TokenGrant } from '../recipes/map-token-reply';
import type { SecretRegistry } from '../redaction/secret-registry';
import type { DocumentRepository } from '../store/document-repository';
import type { StoredToken } from '../store/keymint-document';
import { TokenError } from './token-error';
import type { TokenEngine } from './token-engine';

const sealedSchema = z.object({
  token: z.string(),
  refreshToken: z.string().optional(),
  saved: z.record(z.string(), z.string()),
});
type Sealed = z.infer<typeof sealedSchema>;

export interface TokenServiceDeps {
  repository: DocumentRepository;
  providers: ProviderService;
  engine: TokenEngine;
  cipher: () => Cipher;
  clipboard: ClipboardPort;
  clock: Clock;
  secrets: SecretRegistry;
  log: Logger;
  changed: () => void;
}

interface LastError {
  code: string;
  message: string;
  at: number;
}

/**
 * Mints, caches (encrypted) and hands out tokens. A failed request never replaces a token
 * that is still valid; its error is kept beside it. Raw tokens never leave this service
 * except into the clipboard.
 */
export class TokenService {
  private readonly lastErrors = new Map<string, LastError>();

  constructor(private readonly deps: TokenServiceDeps) {}

  status(providerId: string): TokenStatus {
    const stored = this.deps.repository.current.tokens[providerId];
    const lastError = this.lastErrors.get(providerId) ?? null;
    const errorView = lastError && { ...lastError, at: new Date(lastError.at).toISOString() };
    if (!stored) return lastError ? { ...NO_TOKEN, state: 'error', lastError: errorView } : NO_TOKEN;
    const expired = stored.expiresAt !== null && stored.expiresAt <= this.deps.clock.now();
    return {
      state: lastError && expired ? 'error' : 'valid',
      expiresAt: stored.expiresAt === null ? null : new Date(stored.expiresAt).toISOString(),
      obtainedAt: new Date(stored.obtainedAt).toISOString(),
      expirySource: stored.expirySource,
      suspicious: expirySuspicion(stored.expiresAt, stored.obtainedAt),
      claims: stored.claims ?? null,
      lastError: errorView,
    };
  }

  /** Requests a token now (refreshing when a refresh token is held). Failures become status. */
  async generate(providerId: string): Promise<void> {
    const provider = this.deps.providers.get(providerId);
    const recipe = recipeOf(provider.presetId, provider.recipe);
    const values = this.deps.providers.valuesFor(provider, recipe);
    const held = this.unseal(providerId);
    try {
      // Providers imported from a shared recipes file arrive without their keys.
      const missing = missingLabels(recipe, values, []);
      if (missing.length) throw new TokenError('config', `${listWords(missing)} not set: edit the provider to add ${missing.length > 1 ? 'them' : 'it'}.`);
      const grant = await this.deps.engine.obtain(providerId, {
        recipe,
        baseUrl: provider.baseUrl,
        values,
        timeoutMs: provider.settings.timeoutSeconds === undefined ? undefined : provider.settings.timeoutSeconds * 1000,
        lifetimeSeconds: provider.settings.lifetimeSeconds,
        held: held && { refreshToken: held.refreshToken, saved: held.saved },
      });
      this.store(providerId, grant);
      this.lastErrors.delete(providerId);
    } catch (error) {
      this.lastErrors.set(providerId, this.describe(error));
    }
    this.deps.changed();
  }

  /** Writes `Authorization: Bearer <token>` to the clipboard, minting a token first if needed. */
  async copyHeader(providerId: string): Promise<string> {
    const provider = this.deps.providers.get(providerId);
    const header = recipeOf(provider.presetId, provider.recipe).header;
    if (!this.usable(providerId)) await this.generate(providerId);
    const sealed = this.usable(providerId) ? this.unseal(providerId) : undefined;
    if (!sealed) {
      const reason = this.lastErrors.get(providerId)?.message ?? 'No valid token.';
      throw new AppError('token-unavailable', `Nothing copied: ${reason}`);
    }
    const value = header.scheme ? `${header.scheme} ${sealed.token}` : sealed.token;
    this.deps.clipboard.writeText(`${header.name}: ${value}`);
    return header.name;
  }

  private usable(providerId: string): boolean {
    const stored = this.deps.repository.current.tokens[providerId];
    return Boolean(stored && (stored.expiresAt === null || stored.expiresAt > this.deps.clock.now()));
  }

  private store(providerId: string, grant: TokenGrant): void {
    this.deps.secrets.add(grant.token, grant.refreshToken);
    const sealed: Sealed = { token: grant.token, refreshToken: grant.refreshToken, saved: grant.saved };
    const record: StoredToken = {
      sealed: this.deps.cipher().encrypt(JSON.stringify(sealed), tokenPlace(providerId)),
      obtainedAt: grant.obtainedAt,
      expiresAt: grant.expiresAt,
      expirySource: grant.expirySource,
      claims: grant.claims,
    };
    this.deps.repository.update((doc) => {
      // The provider may have been removed while its request was in flight.
      if (doc.providers.some((p) => p.id === providerId)) doc.tokens[providerId] = record;
    });
  }

  private unseal(providerId: string): Sealed | undefined {
    const stored = this.deps.repository.current.tokens[providerId];
    if (!stored) return undefined;
    const sealed = sealedSchema.parse(JSON.parse(this.deps.cipher().decrypt(stored.sealed, tokenPlace(providerId))));
    this.deps.secrets.add(sealed.token, sealed.refreshToken);
    return sealed;
  }

  private describe(error: unknown): LastError {
    const at = this.deps.clock.now();
    if (error instanceof TokenError || error instanceof AppError) {
      const code = error instanceof TokenError ? error.kind : error.code;
      return { code, message: this.deps.secrets.redact(error.message), at };
    }
    this.deps.log.warn(`token request failed unexpectedly: ${this.deps.secrets.redact(String(error))}`);
    return { code: 'internal', message: 'Something went wrong inside Keymint while requesting the token.', at };
  }
}
