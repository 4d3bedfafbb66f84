import { z } from 'zod';
import { expirySuspicion } from '../../../shared/tokens/expiry';
import { credentialLabel, formatCredential, type CredentialFormat } from '../../../shared/tokens/credential-format';
import { isB64Token } from '../../../shared/http/header-syntax';
import { NO_TOKEN, type RenewalStatus, type TokenStatus } from '../../../shared/tokens/token-status';
import { ownValue } from '../../../shared/records/own-value';
import { listWords } from '../../../shared/text/list-words';
import { AppError } from '../app-error';
import type { ClipboardPort, Clock, Logger } from '../ports';
import { missingLabels, recipeOf } from '../providers/provider-recipe';
import type { ProviderService } from '../providers/provider-service';
import type { TokenGrant } from '../recipes/map-token-reply';
import { SecretRegistry } from '../redaction/secret-registry';
import type { DocumentRepository } from '../store/document-repository';
import type { StoredProvider } from '../store/keymint-document';
import type { StoredToken } from '../store/token-cache';
import { tokenPlace } from '../vault/places';
import type { TokenTimes } from './renewal-policy';
import type { RenewalView, Trigger } from './renewal-scheduler';
import { requestDigest, requestState } from '../store/request-state';
import type { TokenEngine } from './token-engine';
import { TokenError } from '../exchange-errors/token-error';
import { readTokenTimes } from './token-record';
import type { EnvelopeCipher } from '../vault/envelope-cipher';
import type { CredentialTest, ExchangeView, ProviderDetails, RecipeTrial, RecipeTrialInput, RenewalEvent } from '../../../shared/ipc/details-view';
import { tryRecipe } from './recipe-trial';
import type { ProviderJournal } from '../exchange-log/provider-journal';
import { recordExchange, type RawExchange } from '../exchange-log/record-exchange';
import { Cancel } from '../http/cancel-signal';
import { describeJwt } from './describe-jwt';
import { maskToken } from './mask-token';
import { isoInstant } from '../iso-instant';
import { stringMapSchema } from '../../../shared/records/string-map-schema';

const sealedSchema = z.object({
  token: z.string(),
  refreshToken: z.string().optional(),
  saved: stringMapSchema(z.string()),
  /** Decoded JWT claims, as records written before this version sealed them; newer ones decode them from the token. */
  claims: stringMapSchema(z.string()).optional(),
});
type SealedToken = z.infer<typeof sealedSchema>;

/** Where request outcomes go and renewal state comes from (the renewal scheduler). */
export interface TokenLifecycle {
  attempting(providerId: string): void;
  succeeded(providerId: string, token: TokenTimes, trigger: Trigger): void;
  failed(providerId: string, error: unknown, trigger: Trigger): void;
  forget(providerId: string): void;
  view(providerId: string): RenewalView;
}

export interface TokenServiceDeps {
  repository: DocumentRepository;
  providers: ProviderService;
  engine: TokenEngine;
  cipher: () => EnvelopeCipher;
  clipboard: ClipboardPort;
  clock: Clock;
  secrets: SecretRegistry;
  log: Logger;
  lifecycle: TokenLifecycle;
  /** Each provider's last exchanges and renewal outcomes, redacted, in memory. */
  journal: ProviderJournal;
  /** This provider's token status changed. */
  changed: (providerId: string) => void;
}

/** One token request in flight for a provider, and the state it was built from. */
interface Flight {
  state: string;
  cancel: Cancel;
  outcome: Promise<TokenOutcome>;
}

interface LastError {
  code: string;
  message: string;
  at: number;
}

/** A credential handed to a host that is not a web page, with the token's times. */
export interface Credential {
  text: string;
  headerName: string;
  /** What `text` is, in words: "Authorization", "raw token", "curl -H option", "shell export". */
  label: string;
  obtainedAt: string;
  expiresAt: string | null;
  expirySource: string;
  /** True when the held token was used and no request was made. */
  cached: boolean;
}

export type CopiedCredential = Pick<Credential, 'headerName' | 'label'>;

/** What one token request came to. A discarded reply (the provider changed) is neither. */
export type TokenOutcome =
  | { ok: true; status: TokenStatus }
  | { ok: false; error: { code: string; message: string } };

/** How a run differs from Generate's: Test credentials authenticates in full and wants the exchanges it made. */
interface RunOptions {
  skipRefresh?: boolean;
  /** Told each exchange as it is recorded (redacted). */
  recorded?: (exchange: ExchangeView) => void;
}

const TRIGGER_WORDS: Record<Trigger, RenewalEvent['trigger']> = { user: 'manual', renewal: 'automatic', test: 'test' };

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
  private readonly flights = new Map<string, Flight>();
  /** Records opened while unlocked, by the ciphertext they came from: a view or a copy decrypts each token once. Emptied on lock. */
  private readonly opened = new Map<string, { sealed: string; value: SealedToken }>();

  constructor(private readonly deps: TokenServiceDeps) {}

  status(providerId: string): TokenStatus {
    const renewal = this.renewalStatus(providerId);
    const lastError = this.lastErrors.get(providerId) ?? null;
    const errorView = lastError && { ...lastError, at: isoInstant(lastError.at) };
    const stored = this.record(providerId);
    if (!stored) return withoutToken(lastError ? 'error' : 'none', renewal, errorView);
    const read = readTokenTimes(stored);
    if (!read.ok) {
      return withoutToken('error', renewal, errorView ?? { code: 'damaged', message: read.problem, at: isoInstant(this.deps.clock.now()) });
    }
    const { obtainedAt, expiresAt } = read.times;
    const expired = expiresAt !== null && expiresAt <= this.deps.clock.now();
    return {
      state: lastError && expired ? 'error' : 'valid',
      expiresAt: expiresAt === null ? null : isoInstant(expiresAt),
      obtainedAt: isoInstant(obtainedAt),
      expirySource: stored.expirySource,
      suspicious: expirySuspicion(expiresAt, obtainedAt),
      scopeNote: stored.scopeNote ?? null,
      renewal,
      lastError: errorView,
    };
  }

  /**
   * Requests a token now (refreshing when a refresh token is held) and reports how it went.
   * Concurrent calls for one provider state share one request, and its outcome is reported
   * to renewal once.
   */
  async generate(providerId: string, trigger: Trigger = 'user'): Promise<TokenOutcome> {
    const provider = this.deps.providers.get(providerId);
    const state = requestState(provider);
    const running = this.flights.get(providerId);
    if (running && running.state === state && !running.cancel.aborted) return running.outcome;
    return this.fly(provider, state, trigger);
  }

  /**
   * Test credentials: one full authentication (a held refresh token is not used: the test is of
   * the stored credentials), reported with its exchange. A failure leaves a valid held token in
   * place, as Generate's does; a success stores the new token, as Generate's does, since the
   * provider may have retired the old one on issuing it.
   */
  async test(providerId: string): Promise<CredentialTest> {
    // A request under way finishes first, so the test's exchange is its own.
    await this.flights.get(providerId)?.outcome;
    const provider = this.deps.providers.get(providerId);
    let last: ExchangeView | null = null;
    const outcome = await this.fly(provider, requestState(provider), 'test', { skipRefresh: true, recorded: (exchange) => (last = exchange) });
    const exchange = last as ExchangeView | null;
    return {
      ok: outcome.ok,
      status: exchange?.status ?? null,
      durationMs: exchange?.durationMs ?? null,
      error: outcome.ok ? null : outcome.error,
      stored: outcome.ok,
      exchange,
    };
  }

  /** What the details panel shows: the held token described (never the token), its renewals and the last exchanges. */
  details(providerId: string): ProviderDetails {
    const provider = this.deps.providers.get(providerId);
    const stored = this.record(providerId);
    const read = stored && readTokenTimes(stored);
    // The facade asks for an unlocked vault first; a record that does not open shows as none (Generate says why).
    let sealed: SealedToken | undefined;
    try {
      sealed = this.unseal(providerId);
    } catch {
      sealed = undefined;
    }
    const token =
      stored && read?.ok && sealed
        ? {
            preview: maskToken(sealed.token),
            obtainedAt: isoInstant(read.times.obtainedAt),
            expiresAt: read.times.expiresAt === null ? null : isoInstant(read.times.expiresAt),
            expirySource: stored.expirySource,
            jwt: describeJwt(sealed.token, sealed.claims),
          }
        : null;
    return { id: provider.id, name: provider.name, token, renewals: this.deps.journal.renewals(providerId), exchanges: this.deps.journal.exchanges(providerId) };
  }

  /** Runs a recipe once with a form's values, saving nothing (see recipe-trial.ts). */
  tryRecipe(input: RecipeTrialInput): Promise<RecipeTrial> {
    return tryRecipe({ engine: this.deps.engine, providers: this.deps.providers, secrets: this.deps.secrets }, input);
  }

  private fly(provider: StoredProvider, state: string, trigger: Trigger, options: RunOptions = {}): Promise<TokenOutcome> {
    const providerId = provider.id;
    const flight: Flight = { state, cancel: new Cancel(), outcome: Promise.resolve(DISCARDED) };
    flight.outcome = this.run(provider, flight, trigger, options).finally(() => {
      if (this.flights.get(providerId) === flight) this.flights.delete(providerId);
    });
    this.flights.set(providerId, flight);
    return flight.outcome;
  }

  private async run(provider: StoredProvider, flight: Flight, trigger: Trigger, options: RunOptions): Promise<TokenOutcome> {
    const providerId = provider.id;
    const signal = flight.cancel;
    // A value that does not decrypt is a vault problem (a tampered file), not the provider's: it throws.
    const recipe = recipeOf(provider.presetId, provider.recipe);
    const values = this.deps.providers.valuesFor(provider, recipe);
    const held = this.unseal(providerId);
    // Redaction uses this request's own secrets, whatever a lock does to the shared list meanwhile.
    const secrets = new SecretRegistry();
    const redact = (text: string) => this.deps.secrets.redact(secrets.redact(text));
    const stillBound = () => {
      const now = this.deps.repository.provider(providerId);
      return !signal.aborted && now !== undefined && requestState(now) === flight.state;
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
        signal,
        fingerprint: flight.state,
        sensitive: (value) => secrets.add(value),
        redact,
        skipRefresh: options.skipRefresh,
        observe: (raw, grant) => this.recordExchange(providerId, raw, secrets, grant, options.recorded),
      });
      if (!stillBound()) return DISCARDED;
      secrets.add(grant.token, grant.refreshToken);
      // The note quotes the reply's scope: whatever secret or token it echoes is scrubbed first.
      this.store(providerId, flight.state, { ...grant, scopeNote: grant.scopeNote && secrets.redact(grant.scopeNote) });
      this.lastErrors.delete(providerId);
      this.deps.journal.renewal(providerId, { at: isoInstant(grant.obtainedAt), trigger: TRIGGER_WORDS[trigger], outcome: 'renewed', detail: null });
      this.deps.lifecycle.succeeded(providerId, grant, trigger);
      this.deps.changed(providerId);
      return { ok: true, status: this.status(providerId) };
    } catch (error) {
      if (!stillBound()) return DISCARDED;
      const described = this.describe(error, redact);
      this.lastErrors.set(providerId, described);
      this.deps.journal.renewal(providerId, { at: isoInstant(described.at), trigger: TRIGGER_WORDS[trigger], outcome: 'failed', detail: described.message });
      this.deps.lifecycle.failed(providerId, error, trigger);
      this.deps.changed(providerId);
      return { ok: false, error: { code: described.code, message: described.message } };
    }
  }

  /**
   * Keeps the exchange, redacted with this request's own secrets and the reply's tokens (a
   * handful of literal matches: the cost does not grow with the vault), so nothing raw outlives
   * its recording. That happens once the token is handed out, unless the caller waits for the
   * record (Test credentials shows it). Recording never fails a token request: a fault here is
   * only logged.
   */
  private recordExchange(providerId: string, raw: RawExchange, secrets: SecretRegistry, grant: TokenGrant | undefined, recorded?: (exchange: ExchangeView) => void): void {
    secrets.add(grant?.token, grant?.refreshToken);
    const record = (): ExchangeView | undefined => {
      try {
        return recordExchange(raw, secrets);
      } catch (error) {
        this.deps.log.warn(`a token exchange could not be recorded: ${error instanceof Error ? error.name : 'unknown error'}`);
        return undefined;
      }
    };
    if (!recorded) {
      this.deps.journal.exchangeSoon(providerId, record);
      return;
    }
    const exchange = record();
    if (!exchange) return;
    this.deps.journal.exchange(providerId, exchange);
    recorded(exchange);
  }

  /** The provider's credentials or server changed, or it was removed: cancel and forget. */
  forget(providerId: string): void {
    this.flights.get(providerId)?.cancel.abort();
    this.flights.delete(providerId);
    this.lastErrors.delete(providerId);
    const opened = this.opened.get(providerId)?.value;
    this.opened.delete(providerId);
    if (opened) this.deps.secrets.release(opened.token, opened.refreshToken);
    this.deps.lifecycle.forget(providerId);
  }

  /** The vault locked: nothing in flight may land, and nothing it says may be listed. */
  cancelAll(): void {
    for (const flight of this.flights.values()) flight.cancel.abort();
    this.flights.clear();
    this.opened.clear();
  }

  /**
   * The provider's credential in `format`, from the held token while it stays valid for
   * `minValidMs` more, else from a new one. A failed request leaves a still-valid token in use.
   * Core-only: hosts that are not a web page (the CLI, the clipboard) call it; it is never
   * offered over IPC, so no token reaches a page.
   */
  async credential(providerId: string, format: CredentialFormat, minValidMs = 0): Promise<Credential> {
    const provider = this.deps.providers.get(providerId);
    const header = recipeOf(provider.presetId, provider.recipe).header;
    let failure: string | undefined;
    let cached = true;
    // Before the held token is judged usable, not only once it is opened: a stale one is replaced now.
    this.checkDigest(providerId);
    if (!this.usable(providerId, minValidMs)) {
      cached = false;
      const outcome = await this.generate(providerId);
      if (!outcome.ok) failure = outcome.error.message;
    }
    const times = this.usable(providerId) ? this.times(providerId) : undefined;
    const sealed = times && this.unseal(providerId);
    if (!times || !sealed) {
      throw new AppError('token-unavailable', failure ?? this.lastErrors.get(providerId)?.message ?? this.whyUnusable(providerId));
    }
    // Tokens stored before replies were checked may hold characters that would add header lines.
    if (!isB64Token(sealed.token)) {
      throw new AppError('token-unavailable', 'the stored token holds characters a header cannot carry; choose Generate for a new one.');
    }
    const stored = this.record(providerId);
    return {
      text: formatCredential({ token: sealed.token, header, providerName: provider.name }, format),
      headerName: header.name,
      label: credentialLabel(header, format),
      obtainedAt: isoInstant(times.obtainedAt),
      expiresAt: times.expiresAt === null ? null : isoInstant(times.expiresAt),
      expirySource: stored?.expirySource ?? 'unknown',
      cached,
    };
  }

  /** Writes the credential (by default `Authorization: Bearer <token>`) to the clipboard; says what was copied. */
  async copy(providerId: string, format: CredentialFormat = 'header'): Promise<CopiedCredential> {
    let credential: Credential;
    try {
      credential = await this.credential(providerId, format);
    } catch (error) {
      if (error instanceof AppError && error.code === 'token-unavailable') throw new AppError(error.code, `Nothing copied: ${error.message}`);
      throw error;
    }
    try {
      await this.deps.clipboard.writeText(credential.text);
    } catch (error) {
      // An adapter's AppError is written for the user (e.g. there is no clipboard on this machine);
      // any other reason may quote what was being written. The token stays where it was, usable.
      if (error instanceof AppError) throw new AppError(error.code, `Nothing copied: ${error.message}`);
      throw new AppError('internal', 'Nothing copied: the system clipboard refused the write. Try Copy again.');
    }
    return { headerName: credential.headerName, label: credential.label };
  }

  private whyUnusable(providerId: string): string {
    const times = this.times(providerId);
    if (times && times.expiresAt !== null && times.expiresAt <= times.obtainedAt) {
      return "the provider's newest token had already expired when it arrived; check this computer's clock, or the provider's.";
    }
    return 'No valid token.';
  }

  /** The stored token's times for renewal, when the record is usable. */
  times(providerId: string): TokenTimes | undefined {
    const stored = this.record(providerId);
    if (!stored) return undefined;
    const read = readTokenTimes(stored);
    return read.ok ? read.times : undefined;
  }

  private renewalStatus(providerId: string): RenewalStatus {
    const view = this.deps.lifecycle.view(providerId);
    return {
      state: view.state,
      nextAt: view.nextAt === null ? null : isoInstant(view.nextAt),
      attempt: view.attempt,
      reason: view.reason,
      renewedAt: view.renewedAt === null ? null : isoInstant(view.renewedAt),
    };
  }

  /** Holds a token that stays valid for `forMs` more (a token without expiry always does). */
  private usable(providerId: string, forMs = 0): boolean {
    const times = this.times(providerId);
    return Boolean(times && (times.expiresAt === null || times.expiresAt > this.deps.clock.now() + forMs));
  }

  /** The provider's stored token record, if it was minted with the provider as it is now (by the digests stored with both). */
  private record(providerId: string): StoredToken | undefined {
    const stored = this.deps.repository.token(providerId);
    return stored && stored.requestDigest === this.deps.repository.requestDigest(providerId) ? stored : undefined;
  }

  /**
   * Before a token is opened or reused: the digest stored with the provider is checked against
   * the provider itself. A stale one (a file edited by hand) is corrected; the token it vouched
   * for is then not this provider's, its renewal plan goes, and the board hears of it.
   */
  private checkDigest(providerId: string): void {
    if (!this.deps.repository.correctStaleDigest(providerId)) return;
    this.deps.lifecycle.forget(providerId);
    this.deps.changed(providerId);
  }

  private store(providerId: string, state: string, grant: TokenGrant): void {
    // No claims: the details panel decodes them from the token (describeJwt), and every unlock
    // reads every record, so each byte here is read a thousand times (older records keep theirs).
    const sealed: SealedToken = { token: grant.token, refreshToken: grant.refreshToken, saved: grant.saved };
    const ciphertext = this.deps.cipher().encrypt(JSON.stringify(sealed), tokenPlace(providerId));
    this.hold(providerId, { sealed: ciphertext, value: sealed });
    const record: StoredToken = {
      sealed: ciphertext,
      obtainedAt: grant.obtainedAt,
      expiresAt: grant.expiresAt,
      expirySource: grant.expirySource,
      scopeNote: grant.scopeNote,
      requestDigest: requestDigest(state),
    };
    // Usable at once; written to the token cache with the others of this moment.
    this.deps.repository.putToken(providerId, record);
  }

  private unseal(providerId: string): SealedToken | undefined {
    this.checkDigest(providerId);
    const stored = this.record(providerId);
    if (!stored) return undefined;
    // Throws while locked: nothing opens then, whatever was opened before.
    const cipher = this.deps.cipher();
    const opened = this.opened.get(providerId);
    if (opened?.sealed === stored.sealed) return opened.value;
    const sealed = sealedSchema.parse(JSON.parse(cipher.decrypt(stored.sealed, tokenPlace(providerId))));
    this.hold(providerId, { sealed: stored.sealed, value: sealed });
    return sealed;
  }

  /**
   * Keeps the provider's token opened, and known to redaction. The one it replaces is released
   * there (forgotten once nothing else holds that value): Keymint no longer has it, and a list
   * that kept every token of a long session would make every later redaction slower.
   */
  private hold(providerId: string, entry: { sealed: string; value: SealedToken }): void {
    const before = this.opened.get(providerId)?.value;
    this.opened.set(providerId, entry);
    this.deps.secrets.add(entry.value.token, entry.value.refreshToken);
    if (before) this.deps.secrets.release(before.token, before.refreshToken);
  }

  private describe(error: unknown, redact: (text: string) => string): LastError {
    const at = this.deps.clock.now();
    if (error instanceof TokenError || error instanceof AppError) {
      const code = error instanceof TokenError ? error.kind : error.code;
      return { code, message: redact(error.message), at };
    }
    this.deps.log.warn(`token request failed unexpectedly: ${redact(String(error))}`);
    return { code: 'internal', message: 'Something went wrong inside Keymint while requesting the token.', at };
  }
}

/** The status of a provider holding no usable token: one literal, since every view of every provider asks. */
function withoutToken(state: TokenStatus['state'], renewal: RenewalStatus, lastError: TokenStatus['lastError']): TokenStatus {
  return {
    state,
    expiresAt: NO_TOKEN.expiresAt,
    obtainedAt: NO_TOKEN.obtainedAt,
    expirySource: NO_TOKEN.expirySource,
    suspicious: NO_TOKEN.suspicious,
    scopeNote: NO_TOKEN.scopeNote,
    renewal,
    lastError,
  };
}
