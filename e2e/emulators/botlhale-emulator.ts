import { randomBytes } from 'node:crypto';
import {
  EmulatorServer,
  parseAuthorization,
  type Emulator,
  type EmulatorClockOptions,
  type IssuedToken,
  type RecordedRequest,
  type Reply,
} from './emulator-server';
import { parseMultipartForm } from './request-body';

/**
 * Botlhale `POST /generateAuthToken` (seed 000). Every example (Python, fetch, Node, curl) sends
 * the API key as the multipart/form-data field `REFRESH_TOKEN`, so that field is required.
 *
 * The prose also says the key goes "as the basic auth username value and password". We read that
 * as optional: an `Authorization: Basic` header is not needed, but when one is sent it must be
 * exactly apiKey:apiKey (anything else is 401), so a client that sends a stale or mismatched key
 * there is caught. Other Authorization schemes are ignored.
 *
 * The response is a Cognito-style AuthenticationResult. Only the IdToken is the bearer for other
 * endpoints ("use IdToken in the response as Bearer token"), so `/protected` refuses AccessToken.
 * The returned RefreshToken is not documented as reusable and is not accepted as REFRESH_TOKEN.
 */
export interface BotlhaleEmulatorOptions extends EmulatorClockOptions {
  apiKey: string;
  /** AuthenticationResult.ExpiresIn; the doc shows 3600, 86400 has also been seen live. */
  lifetimeSeconds?: number;
}

export interface BotlhaleIssuedToken extends IssuedToken {
  /** The IdToken: the only value `/protected` accepts. */
  token: string;
  /** The AccessToken, kept so tests can prove it is refused. */
  accessToken: string;
  refreshToken: string;
}

export interface BotlhaleEmulator extends Emulator {
  issued: BotlhaleIssuedToken[];
}

const FIELD = 'REFRESH_TOKEN';

class BotlhaleEmulatorServer extends EmulatorServer<BotlhaleIssuedToken> {
  readonly #apiKey: string;
  readonly #lifetimeSeconds: number;

  constructor(options: BotlhaleEmulatorOptions) {
    super(options);
    this.#apiKey = options.apiKey;
    this.#lifetimeSeconds = options.lifetimeSeconds ?? 3600;
  }

  protected override isTokenPath(path: string): boolean {
    return path === '/generateAuthToken';
  }

  protected override answerTokenRequest(request: RecordedRequest): Reply {
    const form = parseMultipartForm(request);
    if (!form.ok) return badRequest(form.error);
    const keys = form.value.filter((part) => part.name === FIELD).map((part) => part.value);
    if (keys.length !== 1) return badRequest(`Exactly one ${FIELD} form field is required`);
    if (!this.#basicAuthMatches(request.headers.authorization) || keys[0] !== this.#apiKey) {
      return { status: 401, body: { message: 'Invalid API key' } };
    }
    return { status: 200, body: { AuthenticationResult: this.#issue() } };
  }

  #basicAuthMatches(header: string | undefined): boolean {
    const credentials = parseAuthorization(header);
    if (credentials?.scheme !== 'basic') return true;
    return Buffer.from(credentials.value, 'base64').toString('utf8') === `${this.#apiKey}:${this.#apiKey}`;
  }

  #issue(): Record<string, string | number> {
    const idToken = this.mintJwt(this.#lifetimeSeconds, { token_use: 'id' });
    const accessToken = this.mintJwt(this.#lifetimeSeconds, { token_use: 'access' });
    const refreshToken = randomBytes(48).toString('base64url');
    this.issued.push({ token: idToken.token, expiresAt: idToken.expiresAt, accessToken: accessToken.token, refreshToken });
    return {
      AccessToken: accessToken.token,
      ExpiresIn: this.#lifetimeSeconds,
      IdToken: idToken.token,
      RefreshToken: refreshToken,
      TokenType: 'Bearer',
    };
  }
}

export function startBotlhaleEmulator(options: BotlhaleEmulatorOptions): Promise<BotlhaleEmulator> {
  return new BotlhaleEmulatorServer(options).listen();
}

function badRequest(message: string): Reply {
  return { status: 400, body: { message } };
}
