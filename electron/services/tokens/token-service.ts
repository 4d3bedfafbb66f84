import { z } from 'zod';
import { expirySuspicion } from '../../../shared/tokens/expiry';
import { isB64Token } from '../../../shared/tokens/header-syntax';
import { NO_TOKEN, type RenewalStatus, type TokenStatus } from '../../../shared/tokens/token-status';
import { ownValue } from '../../../shared/records/own-value';
import { listWords } from '../../../shared/text/list-words';
import { AppError } from '../app-error';
import type { Cipher, ClipboardPort, Clock, Logger } from '../ports';
import { missingLabels, recipeOf } from '../providers/provider-recipe';
import type { ProviderService } from '../providers/provider-service';
import type { TokenGrant } from '../recipes/map-token-reply';
import { SecretRegistry } from '../redaction/secret-registry';
import type { DocumentRepository } from '../store/document-repository';
import type { StoredToken } from '../store/keymint-document';
import { tokenPlace } from '../vault/places';
import type { TokenTimes } from './renewal-policy';
import type { RenewalView, Trigger } from './renewal-scheduler';
import { requestState } from './request-state';
import type { TokenEngine } from './token-engine';
import { TokenError } from './token-error';
import { readTokenTimes } from './token-record';

const sealedSchema = z.object({
  token: z.string(),
  refreshToken: z.string().optional(),
  saved: z.record(z.string(), z.string()),
});
type Sealed = z.infer<typeof sealedSchema>;

/** Where request outcomes go and renewal state comes from (the renewal scheduler). */
export interface TokenLifecycle {
  attempting(providerId: string): void;
  succeeded(providerId: string, token: TokenTimes, trigger: Trigger): void;
  failed(providerId: string, error: unknown): void;
  forget(providerId: string): void;
  view(providerId: string): RenewalView;
}

export interface TokenServiceDeps {
  repository: DocumentRepository;
  providers: ProviderService;
  engine: TokenEngine;
  cipher: () => Cipher;
  clipboard: ClipboardPort;
  clock: Clock;
  secrets: SecretRegistry;
  log: Logger;
  lifecycle: TokenLifecycle;
  changed: () => void;
}

interface LastError {
  code: string;
  message: string;
  at: number;
}

/** What one token request came to. A discarded reply (the provider changed) is neither. */
export type TokenOutcome =
  | { ok: true; status: TokenStatus }
  | { ok: false; error: { code: string; message: string } };

const DISCARDED: TokenOutcome = {
  ok: false,
  error: { code: 'cancelled', message: 'The provider changed or the vault locked while its token request was in flight; the reply was discarded.' },
};

/**
 * Mints, caches (encrypted) and hands out tokens. A failed request never replaces a token
 * that is still valid; its error is kept beside it. A request is bound to the provider state
 * it started from: an edit, a removal or locking cancels it and its reply is discarded unread.
 * Raw tokens never leave this service except into the clipboard.
 */
export class TokenService {
  private readonly lastErrors = new Map<string, LastError>();
  private readonly inFlight = new Map<string, Set<AbortController>>();

  constructor(private readonly deps: TokenServiceDeps) {}

  status(providerId: string): TokenStatus {
    const renewal = this.renewalStatus(providerId);
    const lastError = this.lastErrors.get(providerId) ?? null;
    const errorView = lastError && { ...lastError, at: iso(lastError.at) };
    const stored = ownValue(this.deps.repository.current.tokens, providerId);
    if (!stored) return { ...NO_TOKEN, state: lastError ? 'error' : 'none', renewal, lastError: errorView };
    const read = readTokenTimes(stored);
    if (!read.ok) {
      return { ...NO_TOKEN, state: 'error', renewal, lastError: errorView ?? { code: 'damaged', message: read.problem, at: iso(this.deps.clock.now()) } };
    }
    const { obtainedAt, expiresAt } = read.times;
    const expired = expiresAt !== null && expiresAt <= this.deps.clock.now();
    return {
      state: lastError && expired ? 'error' : 'valid',
      expiresAt: expiresAt === null ? null : iso(expiresAt),
      obtainedAt: iso(obtainedAt),
      expirySource: stored.expirySource,
      suspicious: expirySuspicion(expiresAt, obtainedAt),
      claims: stored.claims ?? null,
      scopeNote: stored.scopeNote ?? null,
      renewal,
      lastError: errorView,
    };
  }

  /**
   * Requests a token now (refreshing when a refresh token is held) and reports how it went.
   * Concurrent calls for one provider share one network request.
   */
  async generate(providerId: string, trigger: Trigger = 'user'): Promise<TokenOutcome> {
    const provider = this.deps.providers.get(providerId);
    const startedFrom = requestState(provider);
    // A value that does not decrypt is a vault problem (a tampered file), not the provider's: it throws.
    const recipe = recipeOf(provider.presetId, provider.recipe);
    const values = this.deps.providers.valuesFor(provider, recipe);
    const held = this.unseal(providerId);
    const controller = new AbortController();
    const flights = this.inFlight.get(providerId) ?? new Set<AbortController>();
    this.inFlight.set(providerId, flights.add(controller));
    // Redaction uses this request's own secrets, whatever a lock does to the shared list meanwhile.
    const secrets = new SecretRegistry();
    const stillBound = () => {
      const now = this.deps.repository.current.providers.find((p) => p.id === providerId);
      return !controller.signal.aborted && now !== undefined && requestState(now) === startedFrom;
    };
    try {
      for (const field of recipe.fields) if (field.secret) secrets.add(ownValue(values, field.key));
      secrets.add(held?.token, held?.refreshToken);
      // Providers imported from a shared recipes file arrive without their keys.
      const missing = missingLabels(recipe, values, []);
      if (missing.length) throw new TokenError('config', `${listWords(missing)} not set: edit the provider to add ${missing.length > 1 ? 'them' : 'it'}.`);
      this.deps.lifecycle.attempting(providerId);
      const grant = await this.deps.engine.obtain(providerId, {
        recipe,
        providerName: provider.name,
        baseUrl: provider.baseUrl,
        values,
        timeoutMs: provider.settings.timeoutSeconds === undefined ? undefined : provider.settings.timeoutSeconds * 1000,
        lifetimeSeconds: provider.settings.lifetimeSeconds,
        held: held && { refreshToken: held.refreshToken, saved: held.saved },
        signal: controller.signal,
        fingerprint: startedFrom,
        sensitive: (value) => secrets.add(value),
      });
      if (!stillBound()) return DISCARDED;
      this.store(providerId, grant);
      this.lastErrors.delete(providerId);
      this.deps.lifecycle.succeeded(providerId, grant, trigger);
      this.deps.changed();
      return { ok: true, status: this.status(providerId) };
    } catch (error) {
      if (!stillBound()) return DISCARDED;
      const described = this.describe(error, secrets);
      this.lastErrors.set(providerId, described);
      this.deps.lifecycle.failed(providerId, error);
      this.deps.changed();
      return { ok: false, error: { code: described.code, message: described.message } };
    } finally {
      flights.delete(controller);
      if (flights.size === 0 && this.inFlight.get(providerId) === flights) this.inFlight.delete(providerId);
    }
  }

  /** The provider's credentials or server changed, or it was removed: cancel and forget. */
  forget(providerId: string): void {
    for (const controller of this.inFlight.get(providerId) ?? []) controller.abort();
    this.inFlight.delete(providerId);
    this.lastErrors.delete(providerId);
    this.deps.lifecycle.forget(providerId);
  }

  /** The vault locked: nothing in flight may land, and nothing it says may be listed. */
  cancelAll(): void {
    for (const flights of this.inFlight.values()) for (const controller of flights) controller.abort();
    this.inFlight.clear();
  }

  /** Writes `Authorization: Bearer <token>` to the clipboard, minting a token first if needed. */
  async copyHeader(providerId: string): Promise<string> {
    const provider = this.deps.providers.get(providerId);
    const header = recipeOf(provider.presetId, provider.recipe).header;
    let failure: string | undefined;
    if (!this.usable(providerId)) {
      const outcome = await this.generate(providerId);
      if (!outcome.ok) failure = outcome.error.message;
    }
    const sealed = this.usable(providerId) ? this.unseal(providerId) : undefined;
    if (!sealed) {
      const reason = failure ?? this.lastErrors.get(providerId)?.message ?? 'No valid token.';
      throw new AppError('token-unavailable', `Nothing copied: ${reason}`);
    }
    // Tokens stored before replies were checked may hold characters that would add header lines.
    if (!isB64Token(sealed.token)) {
      throw new AppError('token-unavailable', 'Nothing copied: the stored token holds characters a header cannot carry; choose Generate for a new one.');
    }
    const value = header.scheme ? `${header.scheme} ${sealed.token}` : sealed.token;
    this.deps.clipboard.writeText(`${header.name}: ${value}`);
    return header.name;
  }

  /** The stored token's times for renewal, when the record is usable. */
  times(providerId: string): TokenTimes | undefined {
    const stored = ownValue(this.deps.repository.current.tokens, providerId);
    if (!stored) return undefined;
    const read = readTokenTimes(stored);
    return read.ok ? read.times : undefined;
  }

  private renewalStatus(providerId: string): RenewalStatus {
    const view = this.deps.lifecycle.view(providerId);
    return {
      state: view.state,
      nextAt: view.nextAt === null ? null : iso(view.nextAt),
      attempt: view.attempt,
      reason: view.reason,
      renewedAt: view.renewedAt === null ? null : iso(view.renewedAt),
    };
  }

  private usable(providerId: string): boolean {
    const times = this.times(providerId);
    return Boolean(times && (times.expiresAt === null || times.expiresAt > this.deps.clock.now()));
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
      scopeNote: grant.scopeNote,
    };
    this.deps.repository.update((doc) => {
      doc.tokens[providerId] = record;
    });
  }

  private unseal(providerId: string): Sealed | undefined {
    const stored = ownValue(this.deps.repository.current.tokens, providerId);
    if (!stored) return undefined;
    const sealed = sealedSchema.parse(JSON.parse(this.deps.cipher().decrypt(stored.sealed, tokenPlace(providerId))));
    this.deps.secrets.add(sealed.token, sealed.refreshToken);
    return sealed;
  }

  private describe(error: unknown, requestSecrets: SecretRegistry): LastError {
    const at = this.deps.clock.now();
    const redact = (text: string) => this.deps.secrets.redact(requestSecrets.redact(text));
    if (error instanceof TokenError || error instanceof AppError) {
      const code = error instanceof TokenError ? error.kind : error.code;
      return { code, message: redact(error.message), at };
    }
    this.deps.log.warn(`token request failed unexpectedly: ${redact(String(error))}`);
    return { code: 'internal', message: 'Something went wrong inside Keymint while requesting the token.', at };
  }
}

const iso = (instant: number) => new Date(instant).toISOString();
