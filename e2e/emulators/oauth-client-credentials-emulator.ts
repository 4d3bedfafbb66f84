import {
  EmulatorServer,
  parseAuthorization,
  type Emulator,
  type EmulatorClockOptions,
  type IssuedToken,
  type RecordedRequest,
  type Reply,
} from './emulator-server';
import { parseUrlEncodedForm } from './request-body';

/**
 * A generic OAuth 2.0 authorization server for the client credentials grant (RFC 6749 §4.4),
 * `POST /oauth/token`, form-urlencoded (§4.4.2). Client authentication (§2.3.1) is HTTP Basic
 * over the form-urlencoded id and secret, or `client_id`/`client_secret` body parameters;
 * a request using both is invalid_request (§2.3: only one method per request). Errors follow
 * §5.2. Choices where the RFC leaves room:
 * - A missing grant_type is invalid_request (a required parameter is missing); any other value
 *   is unsupported_grant_type.
 * - Repeated parameters are invalid_request (§3.2: parameters MUST NOT repeat).
 * - A non-Basic Authorization header is invalid_client: it is an unsupported auth method.
 * - Every 401 carries `WWW-Authenticate: Basic`, as RFC 9110 §15.5.2 requires of a 401.
 * - With `allowedScopes`, §3.3's "fully or partially ignore the scope requested": the client gets
 *   the allowed part, and the reply's `scope` says what was granted whenever it differs from the
 *   request (§5.1); a request of which nothing is allowed is invalid_scope (§5.2). No scope
 *   requested means all allowed scopes, the client's default.
 */
export type ClientAuthMethod = 'basic' | 'body' | 'either';

export interface OAuthClientCredentialsEmulatorOptions extends EmulatorClockOptions {
  clientId: string;
  clientSecret: string;
  /** Which §2.3.1 method this client is registered for; 'either' by default. */
  clientAuth?: ClientAuthMethod;
  /** `expires_in`; 3600 by default. */
  lifetimeSeconds?: number;
  /** Leave `expires_in` out (it is only RECOMMENDED) so clients must cope without it. */
  omitExpiresIn?: boolean;
  /** The scopes this client may have; without it any requested scope is granted as asked. */
  allowedScopes?: string[];
}

export interface OAuthClientCredentialsEmulator extends Emulator {
  /** `scope` of the latest decodable token request, undefined when it had none. */
  lastScope: string | undefined;
  /** `audience` (a common extension) of the latest decodable token request. */
  lastAudience: string | undefined;
}

interface ClientCredentials {
  method: 'basic' | 'body';
  clientId: string | undefined;
  clientSecret: string | undefined;
}

class OAuthClientCredentialsEmulatorServer extends EmulatorServer<IssuedToken> implements OAuthClientCredentialsEmulator {
  lastScope: string | undefined;
  lastAudience: string | undefined;
  readonly #options: OAuthClientCredentialsEmulatorOptions;

  constructor(options: OAuthClientCredentialsEmulatorOptions) {
    super(options);
    this.#options = options;
  }

  protected override isTokenPath(path: string): boolean {
    return path === '/oauth/token';
  }

  protected override answerTokenRequest(request: RecordedRequest): Reply {
    const form = parseUrlEncodedForm(request);
    if (!form.ok) return oauthError(400, 'invalid_request', form.error);
    const params = form.value;
    if (new Set(params.keys()).size !== [...params.keys()].length) {
      return oauthError(400, 'invalid_request', 'Parameters must not be repeated');
    }
    this.lastScope = params.get('scope') ?? undefined;
    this.lastAudience = params.get('audience') ?? undefined;
    const grantType = params.get('grant_type');
    if (grantType === null) return oauthError(400, 'invalid_request', 'grant_type is required');
    if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');
    const refused = this.#authenticate(request, params);
    if (refused) return refused;
    const scope = this.#grantedScope(this.lastScope);
    return scope.refused ? oauthError(400, 'invalid_scope', 'None of the requested scopes is allowed for this client') : this.#issue(scope.reply);
  }

  /** What to grant (as the reply's `scope`, undefined when it is exactly what was asked). */
  #grantedScope(requested: string | undefined): { refused: boolean; reply?: string } {
    const allowed = this.#options.allowedScopes;
    if (allowed === undefined) return { refused: false };
    const asked = (requested ?? '').split(' ').filter(Boolean);
    if (asked.length === 0) return { refused: false, reply: allowed.join(' ') };
    const granted = asked.filter((scope) => allowed.includes(scope));
    if (granted.length === 0) return { refused: true };
    return { refused: false, reply: granted.length === asked.length ? undefined : granted.join(' ') };
  }

  /** An error reply, or undefined when the client authenticated with an allowed method. */
  #authenticate(request: RecordedRequest, params: URLSearchParams): Reply | undefined {
    const inBody = params.has('client_id') || params.has('client_secret');
    if (request.headers.authorization !== undefined && inBody) {
      return oauthError(400, 'invalid_request', 'Use exactly one client authentication method');
    }
    const credentials = inBody ? bodyCredentials(params) : basicCredentials(request.headers.authorization);
    if (credentials === undefined) return invalidClient('Client authentication is required');
    const allowed = this.#options.clientAuth ?? 'either';
    if (allowed !== 'either' && allowed !== credentials.method) {
      return invalidClient(`This client must authenticate with ${allowed === 'basic' ? 'HTTP Basic' : 'body parameters'}`);
    }
    if (credentials.clientId !== this.#options.clientId || credentials.clientSecret !== this.#options.clientSecret) {
      return invalidClient('Unknown client or wrong secret');
    }
    return undefined;
  }

  #issue(scope: string | undefined): Reply {
    const lifetimeSeconds = this.#options.lifetimeSeconds ?? 3600;
    const jwt = this.mintJwt(lifetimeSeconds, { sub: this.#options.clientId });
    this.issued.push({ token: jwt.token, expiresAt: jwt.expiresAt });
    const body = { access_token: jwt.token, token_type: 'Bearer', ...(scope === undefined ? {} : { scope }) };
    return {
      status: 200,
      // §5.1: token responses MUST NOT be cached.
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      body: this.#options.omitExpiresIn ? body : { ...body, expires_in: lifetimeSeconds },
    };
  }
}

export function startOAuthClientCredentialsEmulator(
  options: OAuthClientCredentialsEmulatorOptions,
): Promise<OAuthClientCredentialsEmulator> {
  return new OAuthClientCredentialsEmulatorServer(options).listen();
}

function bodyCredentials(params: URLSearchParams): ClientCredentials {
  return { method: 'body', clientId: params.get('client_id') ?? undefined, clientSecret: params.get('client_secret') ?? undefined };
}

/** Decodes `Basic base64(urlencode(id) ":" urlencode(secret))`; undefined when absent or malformed. */
function basicCredentials(header: string | undefined): ClientCredentials | undefined {
  const credentials = parseAuthorization(header);
  if (credentials?.scheme !== 'basic' || !/^[A-Za-z0-9+/]+={0,2}$/.test(credentials.value)) return undefined;
  const decoded = Buffer.from(credentials.value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    method: 'basic',
    clientId: formDecode(decoded.slice(0, colon)),
    clientSecret: formDecode(decoded.slice(colon + 1)),
  };
}

/** application/x-www-form-urlencoded decoding ('+' is a space); undefined for broken escapes. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function invalidClient(description: string): Reply {
  return { ...oauthError(401, 'invalid_client', description), headers: { 'www-authenticate': 'Basic realm="oauth"' } };
}

function oauthError(status: number, error: string, description: string): Reply {
  return { status, body: { error, error_description: description } };
}
