import { randomBytes } from 'node:crypto';
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
 * Xenioo `POST <service endpoint>/authorization/integration` (seed 001). JSON body with
 * `AccountAPIKey` for an account-wide token, plus `BotAPIKey` and `BotAPISecret` for a bot-level
 * token. Documented codes: 400 (data missing), 404 (account key not found), 403 (free account or
 * account that cannot integrate). Success is `{"token", "expires"}` with `expires` in MINUTES and an
 * opaque base64 token, not a JWT.
 *
 * Undocumented choices:
 * - A wrong bot key/secret answers 403: the request is complete and the account exists, so it is
 *   not "missing data" (400); the account simply cannot integrate with that bot, which is what
 *   403 describes, and clients should surface it as a credentials problem rather than a bug.
 * - Sending only one of BotAPIKey/BotAPISecret is 400: the bot request lacks required data.
 * - Member names are matched exactly as documented (no case folding).
 * - Error bodies are `{"message": ...}`; the doc shows none.
 */
export interface BotCredentials {
  apiKey: string;
  secret: string;
}

export interface XeniooEmulatorOptions extends EmulatorClockOptions {
  accountApiKey: string;
  /** The bot whose key/secret yield bot-level tokens; without it every bot request is refused. */
  bot?: BotCredentials;
  /** The account is free (or otherwise barred from the API): a known key answers 403. */
  freeAccount?: boolean;
  /** Token lifetime in minutes, echoed as `expires`; the doc says about 60. */
  lifetimeMinutes?: number;
  /** Answer `{"Token", "Expires"}` instead, so tests can prove the client tolerates PascalCase members. */
  legacySpelling?: boolean;
}

export type XeniooTokenKind = 'account' | 'bot';

export interface XeniooIssuedToken extends IssuedToken {
  kind: XeniooTokenKind;
}

export interface XeniooEmulator extends Emulator {
  issued: XeniooIssuedToken[];
}

interface BotFields {
  apiKey: string | undefined;
  secret: string | undefined;
}

class XeniooEmulatorServer extends EmulatorServer<XeniooIssuedToken> {
  readonly #options: XeniooEmulatorOptions;

  constructor(options: XeniooEmulatorOptions) {
    super(options);
    this.#options = options;
  }

  protected override isTokenPath(path: string): boolean {
    return path === '/authorization/integration';
  }

  protected override answerTokenRequest(request: RecordedRequest): Reply {
    const body = parseJsonObject(request);
    if (!body.ok) return failure(400, body.error);
    const accountKey = stringField(body.value, 'AccountAPIKey');
    if (!accountKey) return failure(400, 'AccountAPIKey is required');
    const bot = botFields(body.value);
    if (bot === undefined) return failure(400, 'BotAPIKey and BotAPISecret must be strings sent together');
    if (accountKey !== this.#options.accountApiKey) return failure(404, 'Account API key not found');
    if (this.#options.freeAccount) return failure(403, 'This account cannot integrate with the Global Platform API');
    if (bot.apiKey !== undefined && !this.#botMatches(bot)) return failure(403, 'Bot API key or secret rejected');
    return { status: 200, body: this.#issue(bot.apiKey === undefined ? 'account' : 'bot') };
  }

  #botMatches(bot: BotFields): boolean {
    const expected = this.#options.bot;
    return expected !== undefined && bot.apiKey === expected.apiKey && bot.secret === expected.secret;
  }

  #issue(kind: XeniooTokenKind): Record<string, string | number> {
    const minutes = this.#options.lifetimeMinutes ?? 60;
    const token = randomBytes(96).toString('base64');
    this.issued.push({ token, expiresAt: this.now() + minutes * 60_000, kind });
    return this.#options.legacySpelling ? { Token: token, Expires: minutes } : { token, expires: minutes };
  }
}

export function startXeniooEmulator(options: XeniooEmulatorOptions): Promise<XeniooEmulator> {
  return new XeniooEmulatorServer(options).listen();
}

/** Both bot members absent, or both strings; undefined when the pair is malformed. */
function botFields(body: JsonObject): BotFields | undefined {
  const fields = { apiKey: stringField(body, 'BotAPIKey'), secret: stringField(body, 'BotAPISecret') };
  const wellTyped = (fields.apiKey !== undefined) === ('BotAPIKey' in body) && (fields.secret !== undefined) === ('BotAPISecret' in body);
  const paired = (fields.apiKey === undefined) === (fields.secret === undefined);
  return wellTyped && paired ? fields : undefined;
}

function failure(status: number, message: string): Reply {
  return { status, body: { message } };
}
