import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { mintJwt, type JwtClaims, type MintedJwt } from './jwt';
import { listenOnLoopback } from './listen-on-loopback';

/** One HTTP request as the emulator saw it, kept so tests can assert on what the client sent. */
export interface RecordedRequest {
  method: string;
  /** URL path without the query string. */
  path: string;
  /** Raw query string without the leading `?` ('' when absent): secrets must never travel here. */
  query: string;
  /** Header names lower-cased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Raw body decoded as UTF-8 ('' when empty). */
  body: string;
}

/** A bearer token the emulator handed out; `token` is the value `/protected` expects. */
export interface IssuedToken {
  token: string;
  /** Epoch milliseconds after which `/protected` refuses the token. */
  expiresAt: number;
  refreshToken?: string;
}

export interface Emulator {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Requests that reached a token endpoint path, whatever their outcome. */
  tokenRequests: number;
  /** When each of those arrived, on the emulator's clock (epoch ms). */
  tokenRequestTimes: number[];
  requests: RecordedRequest[];
  /** Newest last. */
  issued: IssuedToken[];
  /** Answer the next token request with this instead (FIFO when called repeatedly). */
  failNext(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Answer every token request with this until the emulator's clock reaches `at` (an outage). */
  failUntil(at: number, status: number, body: unknown): void;
  close(): Promise<void>;
}

/** Options every emulator accepts. */
export interface EmulatorClockOptions {
  /** Clock in epoch ms; inject one to expire tokens without waiting. Defaults to Date.now. */
  now?: () => number;
}

/** What a handler wants sent: a string body goes out as text, anything else as JSON. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Token endpoints are tiny; anything bigger is a client bug, not a credential. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Shared server behaviour: listen on an ephemeral loopback port, record every request,
 * route token requests to the provider, honour queued failures and serve `GET /protected`
 * so tests can prove a minted token is accepted downstream.
 */
export abstract class EmulatorServer<T extends IssuedToken> implements Emulator {
  url = '';
  tokenRequests = 0;
  readonly tokenRequestTimes: number[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly issued: T[] = [];
  readonly #pendingFailures: Reply[] = [];
  #outage: { until: number; reply: Reply } | undefined;
  readonly #sockets = new Set<Socket>();
  readonly #signingKey = randomBytes(32);
  readonly #clock: () => number;
  readonly #server: Server;
  #closing: Promise<void> | undefined;

  constructor(options: EmulatorClockOptions) {
    this.#clock = options.now ?? Date.now;
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (socket) => this.#track(socket));
  }

  protected abstract isTokenPath(path: string): boolean;
  /** Only called for POSTs to a token path once queued failures are used up. */
  protected abstract answerTokenRequest(request: RecordedRequest): Reply;

  /** Whether `/protected` accepts this issued token; providers narrow it (e.g. disabled clients). */
  protected isUsable(entry: T): boolean {
    return this.now() < entry.expiresAt;
  }

  protected now(): number {
    return this.#clock();
  }

  protected mintJwt(lifetimeSeconds: number, claims: JwtClaims = {}): MintedJwt {
    return mintJwt(this.#signingKey, this.now(), lifetimeSeconds, claims);
  }

  protected findUsable(token: string): T | undefined {
    return this.issued.find((entry) => entry.token === token && this.isUsable(entry));
  }

  async listen(): Promise<this> {
    this.url = await listenOnLoopback(this.#server, 'emulator');
    return this;
  }

  failNext(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.#pendingFailures.push({ status, body, headers: lowerCaseKeys(headers) });
  }

  failUntil(at: number, status: number, body: unknown): void {
    this.#outage = { until: at, reply: { status, body } };
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()));
      // close() alone waits for keep-alive connections (fetch pools them) to time out.
      this.#server.closeAllConnections();
      // Sockets the HTTP layer no longer tracks (e.g. mid-handshake) would still hold the port.
      for (const socket of this.#sockets) socket.destroy();
    });
    return this.#closing;
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      const request = recordOf(req, body.text);
      this.requests.push(request);
      send(res, body.tooLarge ? { status: 413, body: { message: 'Request body too large' } } : this.#route(request));
    } catch {
      // Deliberately no details: a message could echo a secret from the request.
      if (!res.headersSent) send(res, { status: 500, body: { message: 'Emulator failure' } });
    }
  }

  #route(request: RecordedRequest): Reply {
    if (request.path === '/protected') return this.#answerProtected(request);
    if (!this.isTokenPath(request.path)) return { status: 404, body: { message: 'Not Found' } };
    this.tokenRequests += 1;
    this.tokenRequestTimes.push(this.now());
    if (this.#outage && this.now() < this.#outage.until) return this.#outage.reply;
    const failure = this.#pendingFailures.shift();
    if (failure) return failure;
    if (request.method !== 'POST') return methodNotAllowed('POST');
    return this.answerTokenRequest(request);
  }

  #answerProtected(request: RecordedRequest): Reply {
    if (request.method !== 'GET') return methodNotAllowed('GET');
    const credentials = parseAuthorization(request.headers.authorization);
    if (credentials?.scheme !== 'bearer') {
      return { status: 401, headers: { 'www-authenticate': 'Bearer' }, body: { ok: false } };
    }
    if (this.findUsable(credentials.value) === undefined) {
      return { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, body: { ok: false } };
    }
    return { status: 200, body: { ok: true } };
  }
}

export interface AuthorizationCredentials {
  /** Lower-cased: RFC 9110 §11.1 makes the scheme case-insensitive. */
  scheme: string;
  value: string;
}

/** Splits `Scheme value`; exactly one space, so sloppy headers such as `Bearer  x` fail loudly. */
export function parseAuthorization(header: string | undefined): AuthorizationCredentials | undefined {
  const match = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*) (\S+)$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  return { scheme: match[1].toLowerCase(), value: match[2] };
}

function methodNotAllowed(allow: string): Reply {
  return { status: 405, headers: { allow }, body: { message: 'Method Not Allowed' } };
}

interface ReadBody {
  text: string;
  tooLarge: boolean;
}

/** Reads the whole body but keeps at most MAX_BODY_BYTES, so an oversized upload cannot exhaust memory. */
function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', reject);
  });
}

function recordOf(req: IncomingMessage, body: string): RecordedRequest {
  const target = new URL(req.url ?? '/', 'http://emulator.invalid');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', path: target.pathname, query: target.search.slice(1), headers, body };
}

function send(res: ServerResponse, reply: Reply): void {
  const headers = { ...reply.headers };
  let payload = '';
  if (typeof reply.body === 'string') {
    payload = reply.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, { ...headers, 'content-length': String(Buffer.byteLength(payload)) });
  res.end(payload);
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
