import { randomUUID } from 'node:crypto';
import {
  EmulatorServer,
  type Emulator,
  type EmulatorClockOptions,
  type IssuedToken,
  type RecordedRequest,
  type Reply,
} from './emulator-server';
import { parseJsonObject, stringField, type JsonObject } from './request-body';

/**
 * Highline `POST /auth/token` (seed 002), JSON in both forms:
 * - `{api_key, secret}` logs in;
 * - `{refresh_token, subject, grant_type: "refresh_token"}` refreshes (all three required).
 * Both answer `{access_token, refresh_token, subject, expires_in}` where `expires_in` is an
 * ABSOLUTE unix timestamp in seconds ("Timestamp of token expire time"), not a duration.
 *
 * Undocumented choices:
 * - `subject` is described as "Your API Key" but the examples show a UUID; we follow the
 *   examples with a per-emulator UUID so a client that echoes its API key back is caught.
 * - "All tokens have a expiration time of 15 minutes" is applied to refresh tokens too, so a
 *   client must refresh before the access token lapses or fall back to logging in again.
 * - Refresh tokens rotate: a used one is revoked (reuse is 401). Access tokens minted earlier
 *   stay valid until they expire.
 * - `grant_type` decides the form: present means refresh (any other value is 400), absent means
 *   login, so `{refresh_token, subject}` without it is a 400 for lacking api_key/secret.
 * - Error bodies are `{"message": ...}`; the doc shows none.
 */
export interface HighlineEmulatorOptions extends EmulatorClockOptions {
  apiKey: string;
  secret: string;
  /** Access token lifetime; the doc says 15 minutes. */
  lifetimeSeconds?: number;
  /** Refresh token lifetime; defaults to lifetimeSeconds ("all tokens" expire alike). */
  refreshLifetimeSeconds?: number;
  /** The account's subject; a random UUID when omitted. */
  subject?: string;
}

export interface HighlineIssuedToken extends IssuedToken {
  refreshToken: string;
}

export interface HighlineEmulator extends Emulator {
  issued: HighlineIssuedToken[];
  /** The account subject every response carries and refresh requests must echo. */
  subject: string;
  /** Successful refresh-token grants. */
  refreshCount: number;
}

const FIFTEEN_MINUTES = 15 * 60;

class HighlineEmulatorServer extends EmulatorServer<HighlineIssuedToken> implements HighlineEmulator {
  readonly subject: string;
  refreshCount = 0;
  readonly #apiKey: string;
  readonly #secret: string;
  readonly #lifetimeSeconds: number;
  readonly #refreshLifetimeSeconds: number;
  /** Live refresh tokens and their expiry (epoch ms); rotation deletes entries. */
  readonly #refreshTokens = new Map<string, number>();

  constructor(options: HighlineEmulatorOptions) {
    super(options);
    this.subject = options.subject ?? randomUUID();
    this.#apiKey = options.apiKey;
    this.#secret = options.secret;
    this.#lifetimeSeconds = options.lifetimeSeconds ?? FIFTEEN_MINUTES;
    this.#refreshLifetimeSeconds = options.refreshLifetimeSeconds ?? this.#lifetimeSeconds;
  }

  protected override isTokenPath(path: string): boolean {
    return path === '/auth/token';
  }

  protected override answerTokenRequest(request: RecordedRequest): Reply {
    const body = parseJsonObject(request);
    if (!body.ok) return failure(400, body.error);
    return 'grant_type' in body.value ? this.#refresh(body.value) : this.#login(body.value);
  }

  #login(body: JsonObject): Reply {
    const apiKey = stringField(body, 'api_key');
    const secret = stringField(body, 'secret');
    if (!apiKey || !secret) return failure(400, 'api_key and secret are required');
    if (apiKey !== this.#apiKey || secret !== this.#secret) return failure(401, 'Invalid API key or secret');
    return this.#issue();
  }

  #refresh(body: JsonObject): Reply {
    const refreshToken = stringField(body, 'refresh_token');
    const subject = stringField(body, 'subject');
    if (stringField(body, 'grant_type') !== 'refresh_token' || !refreshToken || !subject) {
      return failure(400, 'refresh_token, subject and grant_type "refresh_token" are required');
    }
    if (subject !== this.subject) return failure(401, 'Unknown subject');
    const expiresAt = this.#refreshTokens.get(refreshToken);
    if (expiresAt === undefined || this.now() >= expiresAt) return failure(401, 'Invalid or expired refresh token');
    this.#refreshTokens.delete(refreshToken);
    this.refreshCount += 1;
    return this.#issue();
  }

  #issue(): Reply {
    const access = this.mintJwt(this.#lifetimeSeconds, { sub: this.subject, token_use: 'access' });
    const refresh = this.mintJwt(this.#refreshLifetimeSeconds, { sub: this.subject, token_use: 'refresh' });
    this.#refreshTokens.set(refresh.token, refresh.expiresAt);
    this.issued.push({ token: access.token, expiresAt: access.expiresAt, refreshToken: refresh.token });
    return {
      status: 200,
      body: {
        access_token: access.token,
        refresh_token: refresh.token,
        subject: this.subject,
        expires_in: access.expiresAt / 1000,
      },
    };
  }
}

export function startHighlineEmulator(options: HighlineEmulatorOptions): Promise<HighlineEmulator> {
  return new HighlineEmulatorServer(options).listen();
}

function failure(status: number, message: string): Reply {
  return { status, body: { message } };
}
