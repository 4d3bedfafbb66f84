import {
  EmulatorServer,
  parseAuthorization,
  type Emulator,
  type EmulatorClockOptions,
  type IssuedToken,
  type RecordedRequest,
  type Reply,
} from './emulator-server';

/**
 * Togai `POST /authenticate` (seed 003, the generated togai_client AuthenticationApi doc).
 * The API key travels as `Authorization: Bearer <apiKey>`; the answer is a TokenResponse
 * `{"token": "<JWT>"}` valid for 24 hours. Error statuses 401/403/404/429 carry Togai's
 * ErrorResponse `{"message": ...}`; only 401 arises naturally, the rest via failNext.
 */
export interface TogaiEmulatorOptions extends EmulatorClockOptions {
  apiKey: string;
  /** JWT lifetime; the doc says 24 hours. */
  lifetimeSeconds?: number;
}

export type TogaiEmulator = Emulator;

const DAY_SECONDS = 24 * 60 * 60;

class TogaiEmulatorServer extends EmulatorServer<IssuedToken> {
  readonly #apiKey: string;
  readonly #lifetimeSeconds: number;

  constructor(options: TogaiEmulatorOptions) {
    super(options);
    this.#apiKey = options.apiKey;
    this.#lifetimeSeconds = options.lifetimeSeconds ?? DAY_SECONDS;
  }

  protected override isTokenPath(path: string): boolean {
    return path === '/authenticate';
  }

  // The endpoint takes no parameters and defines no Content-Type, so a body is ignored (it is
  // still recorded for assertions) rather than rejected with a status Togai never documents.
  protected override answerTokenRequest(request: RecordedRequest): Reply {
    if (!acceptsJson(request.headers.accept)) {
      return { status: 406, body: { message: 'Only application/json responses are available' } };
    }
    const credentials = parseAuthorization(request.headers.authorization);
    if (credentials?.scheme !== 'bearer') return unauthorized('Missing bearer credentials');
    if (credentials.value === this.#apiKey) return { status: 200, body: { token: this.#issue() } };
    // "For JWT bearer auth, returns the same JWT token in response."
    if (this.findUsable(credentials.value)) return { status: 200, body: { token: credentials.value } };
    return unauthorized('Invalid API key or token');
  }

  #issue(): string {
    const jwt = this.mintJwt(this.#lifetimeSeconds, { sub: 'togai-api-key' });
    this.issued.push({ token: jwt.token, expiresAt: jwt.expiresAt });
    return jwt.token;
  }
}

export function startTogaiEmulator(options: TogaiEmulatorOptions): Promise<TogaiEmulator> {
  return new TogaiEmulatorServer(options).listen();
}

function unauthorized(message: string): Reply {
  return { status: 401, body: { message } };
}

/** An absent Accept means "anything"; otherwise some range must admit application/json with q > 0. */
function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [mediaRange = '', ...parameters] = range.split(';').map((piece) => piece.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    if (quality !== undefined && Number(quality.slice(2)) === 0) return false;
    return mediaRange === 'application/json' || mediaRange === 'application/*' || mediaRange === '*/*';
  });
}
