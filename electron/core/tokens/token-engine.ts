import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { startBudget, type RequestBudget } from '../http/request-budget';
import type { CancelSignal } from '../http/cancel-signal';
import { DEFAULT_TIMEOUT_MS, sendTokenRequest, type TokenHttpReply } from '../http/token-http-client';
import type { Clock, FetchPort, Sleep } from '../ports';
import { buildTokenRequest, type RequestContext } from '../recipes/build-token-request';
import { mapTokenReply, type TokenGrant } from '../recipes/map-token-reply';
import type { RawExchange } from '../exchange-log/record-exchange';
import type { Redact } from '../exchange-errors/provider-message';
import { TokenError } from '../exchange-errors/token-error';

export interface TokenJob {
  recipe: Recipe;
  /** The provider as the user named it, for messages; the recipe's name when left out. */
  providerName?: string;
  /** Cancels the request (an edit, a removal or locking the vault): nothing more is sent. */
  signal?: CancelSignal;
  /** The provider state the job was built from; concurrent callers share a run only when it matches. */
  fingerprint?: string;
  /** Told every credential derived for this job, for redacting its errors. */
  sensitive?: (value: string) => void;
  /** Scrubs this job's secrets from what the provider says, before it is folded into a message. */
  redact?: Redact;
  baseUrl: string;
  values: Record<string, string>;
  timeoutMs?: number;
  lifetimeSeconds?: number;
  /** What the last grant left behind: a refresh token and saved values. */
  held?: { refreshToken?: string; saved: Record<string, string> };
  /** Authenticate in full even when a refresh token is held (Test credentials tests the credentials). */
  skipRefresh?: boolean;
  /**
   * Told every request that went out, with its reply or failure and, when a token came back,
   * the grant (so its tokens can be redacted). Raw: the observer must redact before keeping.
   * A reply discarded because the job was cancelled is not reported.
   */
  observe?: (exchange: RawExchange, grant?: TokenGrant) => void;
}

export interface TokenEngineDeps {
  fetch: FetchPort;
  clock: Clock;
  sleep: Sleep;
  /** Told every credential the engine derives (e.g. Basic's base64 of id:secret), for redaction. */
  sensitive?: (value: string) => void;
}

/** A failed refresh that a full authentication can fix (the grant was used, revoked or expired). */
function refreshRejected(error: unknown): boolean {
  if (!(error instanceof TokenError) || error.kind !== 'http') return false;
  const status = error.details.status ?? 0;
  return status === 400 || status === 401 || status === 403 || error.details.providerCode === 'invalid_grant';
}

/**
 * Obtains tokens: the refresh request when a refresh token is held (falling back to full
 * authentication once if the provider rejects it), and one network call at a time per
 * provider — concurrent callers share it.
 */
interface Running {
  grant: Promise<TokenGrant>;
  job: TokenJob;
}

export class TokenEngine {
  private readonly inFlight = new Map<string, Running>();

  constructor(private readonly deps: TokenEngineDeps) {}

  obtain(providerId: string, job: TokenJob): Promise<TokenGrant> {
    const running = this.inFlight.get(providerId);
    if (running && running.job.fingerprint === job.fingerprint && !running.job.signal?.aborted) return running.grant;
    const entry: Running = {
      job,
      grant: this.run(job).finally(() => {
        if (this.inFlight.get(providerId) === entry) this.inFlight.delete(providerId);
      }),
    };
    this.inFlight.set(providerId, entry);
    return entry.grant;
  }

  private async run(job: TokenJob): Promise<TokenGrant> {
    // One budget for the refresh and the full authentication after it: the provider's timeout
    // is the longest the user waits, whichever requests it takes.
    const budget = startBudget({ timeoutMs: job.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: job.signal, now: () => this.deps.clock.now() });
    try {
      return await this.withinBudget(job, budget);
    } finally {
      budget.end();
    }
  }

  private async withinBudget(job: TokenJob, budget: RequestBudget): Promise<TokenGrant> {
    const held = job.held;
    if (job.recipe.refresh && held?.refreshToken && !job.skipRefresh) {
      try {
        const grant = await this.exchange(job, budget, job.recipe.refresh, { ...held.saved, refreshToken: held.refreshToken });
        // Keep the newest refresh token; a provider that does not rotate leaves the old one valid.
        return { ...grant, refreshToken: grant.refreshToken ?? held.refreshToken, saved: { ...held.saved, ...grant.saved } };
      } catch (error) {
        if (!refreshRejected(error)) throw error;
      }
    }
    return this.exchange(job, budget, job.recipe.request, held?.saved ?? {});
  }

  private async exchange(job: TokenJob, budget: RequestBudget, request: Recipe['request'], saved: Record<string, string>): Promise<TokenGrant> {
    const context: RequestContext = { baseUrl: job.baseUrl, values: job.values, saved };
    const httpRequest = buildTokenRequest(job.recipe, request, context);
    const authHeader = request.auth.type === 'header' ? request.auth.name : 'Authorization';
    const credential = httpRequest.headers[authHeader];
    if (credential) {
      const derived = credential.replace(/^(Basic|Bearer) /, '');
      this.deps.sensitive?.(derived);
      job.sensitive?.(derived);
    }
    const startedAt = this.deps.clock.now();
    const seen = (endedAt: number, outcome: Pick<RawExchange, 'reply' | 'error'>, grant?: TokenGrant) =>
      job.observe?.({ kind: request === job.recipe.refresh ? 'refresh' : 'authenticate', startedAt, endedAt, request: httpRequest, authHeader, ...outcome }, grant);
    let reply: TokenHttpReply;
    try {
      reply = await sendTokenRequest(this.deps.fetch, httpRequest, { budget, sleep: this.deps.sleep });
    } catch (error) {
      if (!job.signal?.aborted) seen(this.deps.clock.now(), { error });
      throw error;
    }
    const endedAt = this.deps.clock.now();
    // A reply that lands after the cancel was minted for a provider that has changed since.
    const cancelled = job.signal?.aborted && budget.stopped(httpRequest.url.host);
    if (cancelled) throw cancelled;
    let grant: TokenGrant;
    try {
      grant = mapTokenReply(job.recipe, reply, {
        now: endedAt,
        lifetimeSeconds: job.lifetimeSeconds,
        providerName: job.providerName ?? job.recipe.name,
        requestedScope: job.values.scope,
        redact: job.redact,
      });
    } catch (error) {
      seen(endedAt, { reply, error });
      throw error;
    }
    seen(endedAt, { reply }, grant);
    return grant;
  }
}
