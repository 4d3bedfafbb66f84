import {
  EmulatorServer,
  type Emulator,
  type EmulatorClockOptions,
  type IssuedToken,
  type RecordedRequest,
  type Reply,
} from './emulator-server';
import { parseJsonObject, stringField } from './request-body';

/**
 * Welkin `POST /{tenant}/admin/api_clients/{clientName}` with JSON `{"secret": ...}` (seed 004).
 * Success is 201 `{"clientName", "token", "enabled"}`; the sample token's exp - iat is 3600, so
 * tokens live one hour. `enabled` mirrors the client's switch in the Admin app.
 *
 * Undocumented choices (the doc lists only 201, 400 and 500):
 * - Errors are a JSON array `[{"errorCode", "message"}]`: 404 for an unknown tenant or client,
 *   400 for a non-JSON body or missing secret, 401 for a wrong secret. The route is resolved
 *   before the body is read, so an unknown client is 404 even with a malformed body.
 * - A disabled client still gets a token (with `enabled: false`), but `/protected` refuses it,
 *   so clients must check `enabled` rather than trust the status code.
 */
export interface WelkinEmulatorOptions extends EmulatorClockOptions {
  tenant: string;
  clientName: string;
  secret: string;
  /** Token lifetime; one hour in the documented sample. */
  lifetimeSeconds?: number;
  /** The documented 201 by default; 200 lets tests prove clients accept any 2xx. */
  successStatus?: 200 | 201;
  /** The client is switched off in the Admin app. */
  disabled?: boolean;
}

export interface WelkinIssuedToken extends IssuedToken {
  enabled: boolean;
}

export interface WelkinEmulator extends Emulator {
  issued: WelkinIssuedToken[];
}

const ROUTE = /^\/([^/]+)\/admin\/api_clients\/([^/]+)$/;

class WelkinEmulatorServer extends EmulatorServer<WelkinIssuedToken> {
  readonly #options: WelkinEmulatorOptions;

  constructor(options: WelkinEmulatorOptions) {
    super(options);
    this.#options = options;
  }

  protected override isTokenPath(path: string): boolean {
    return ROUTE.test(path);
  }

  protected override isUsable(entry: WelkinIssuedToken): boolean {
    return entry.enabled && super.isUsable(entry);
  }

  protected override answerTokenRequest(request: RecordedRequest): Reply {
    if (!this.#isKnownClient(request.path)) return failure(404, 'NOT_FOUND', 'Tenant or API client not found');
    const body = parseJsonObject(request);
    if (!body.ok) return failure(400, 'BAD_REQUEST', body.error);
    const secret = stringField(body.value, 'secret');
    if (!secret) return failure(400, 'BAD_REQUEST', 'secret is required');
    if (secret !== this.#options.secret) return failure(401, 'UNAUTHORIZED', 'Invalid API client secret');
    return { status: this.#options.successStatus ?? 201, body: this.#issue() };
  }

  #isKnownClient(path: string): boolean {
    const [, tenant, clientName] = ROUTE.exec(path) ?? [];
    return decodeSegment(tenant) === this.#options.tenant && decodeSegment(clientName) === this.#options.clientName;
  }

  #issue(): Record<string, string | boolean> {
    const { clientName, lifetimeSeconds = 3600, disabled = false } = this.#options;
    const jwt = this.mintJwt(lifetimeSeconds, { 'custom:type': 'API_CLIENT', 'cognito:username': clientName });
    this.issued.push({ token: jwt.token, expiresAt: jwt.expiresAt, enabled: !disabled });
    return { clientName, token: jwt.token, enabled: !disabled };
  }
}

export function startWelkinEmulator(options: WelkinEmulatorOptions): Promise<WelkinEmulator> {
  return new WelkinEmulatorServer(options).listen();
}

/** Percent-decodes a path segment; undefined for malformed escapes, which then match nothing. */
function decodeSegment(segment: string | undefined): string | undefined {
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function failure(status: number, errorCode: string, message: string): Reply {
  return { status, body: [{ errorCode, message }] };
}
