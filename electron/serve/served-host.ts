import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { IpcResult } from '../../shared/ipc/ipc-result';
import type { Logger } from '../core';
import type { Keymint } from '../ipc/create-keymint';
import type { IpcRouter } from '../ipc/router';
import { trustOnly } from '../ipc/sender';
import { hostInUrl, isLoopbackAddress, NotLoopbackError } from './loopback';
import { checkRequest, type RequestKind, type ServedAddress } from './request-guard';
import { PAGE_SCRIPT_PATH, servedPage } from './served-page';
import { SessionKeys } from './session-keys';

export interface ServedHostOptions {
  keymint: Keymint;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The built bootstrap's text (dist/serve/keymint-api.js). */
  pageScript: string;
  /** A loopback address; 127.0.0.1 by default. Anything else is refused. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  log: Logger;
  /** Sees every API reply and pushed event as JSON, exactly as sent. */
  recordIpc?: (json: string) => void;
}

export interface ServedHost {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The link to print: the origin with the one-time sign-in token. */
  readonly signInUrl: string;
  /** Stops answering and ends the event streams (the caller disposes the core). */
  close(): Promise<void>;
}

interface ListeningState {
  address: ServedAddress;
  keys: SessionKeys;
  route: IpcRouter;
}

/** The largest request body: a backup to import may be 50 MB of text, as JSON. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const EVENTS_PATH = '/api/events';
const API_PREFIX = '/api/';
const HEARTBEAT_MS = 25_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Sent with every response, refusals included. No Access-Control-* header is ever sent: no CORS. */
function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
  };
}

/**
 * The served host: the built renderer and the core's IPC router over HTTP, on loopback only.
 * A request passes, in order: the Host and Origin checks (request-guard.ts), then the session
 * cookie that only the one-time sign-in link gives; the API then takes JSON only, by POST.
 *
 * Routes: `GET /?token=…` signs in (303 to `/` with the cookie); `GET /`, `/keymint-api.js`,
 * `/assets/…` are the page; `POST /api/<channel>` with `{"input": …}` answers the router's
 * IpcResult; `POST /api/events` is the Server-Sent Events stream of pushed events (a POST, so
 * that the browser sends Origin on it too).
 */
export async function startServedHost(options: ServedHostOptions): Promise<ServedHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host)) throw new NotLoopbackError(host);
  const page = servedPage(await readFile(join(options.rendererDir, 'index.html'), 'utf8'));
  const headers = securityHeaders(page.csp);
  const record = options.recordIpc ?? (() => undefined);
  const streams = new Set<ServerResponse>();
  // Known once listening (the port is part of the address and of the cookie's name).
  const listening: { state?: ListeningState } = {};

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (!listening.state) return void text(response, 503, 'Keymint is starting.');
    handle(request, response, listening.state).catch((error: unknown) => {
      options.log.warn(`served host: ${error instanceof Error ? error.name : 'error'} while answering ${request.method} ${pathOf(request)?.split('?')[0]}`);
      if (!response.headersSent) text(response, 500, 'Something went wrong inside Keymint.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, { address, keys, route }: ListeningState): Promise<void> {
    const path = pathOf(request);
    if (path === undefined) return text(response, 400, 'Bad request.');
    const url = new URL(path, address.origin);
    const signingIn = request.method === 'GET' && url.pathname === '/' && url.searchParams.has('token');
    const kind: RequestKind = url.pathname.startsWith(API_PREFIX) ? 'api' : signingIn ? 'sign-in' : 'page';
    const refusal = checkRequest(request, address, kind);
    if (refusal) {
      options.log.warn(`served host refused ${request.method} ${url.pathname}: ${refusal.message}`);
      return text(response, refusal.status, refusal.message);
    }
    if (request.method === 'OPTIONS') return text(response, 405, 'Method not allowed.');
    if (signingIn) return signIn(response, keys, url.searchParams.get('token') ?? '', keys.isSignedIn(request.headers.cookie), request.headers['sec-fetch-site']);
    if (!keys.isSignedIn(request.headers.cookie)) {
      return text(response, 401, 'Not signed in: open Keymint with the link printed in the terminal where it runs (each link works once).');
    }
    if (kind === 'api') {
      if (request.method !== 'POST') return text(response, 405, 'The API takes POST only.');
      if (mediaType(request.headers['content-type']) !== 'application/json') return text(response, 415, 'The API takes application/json only.');
      const body = await readBody(request);
      if (body === 'too-large') return text(response, 413, 'The request is too large.');
      if (url.pathname === EVENTS_PATH) return openEventStream(response);
      return answer(response, route, url.pathname.slice(API_PREFIX.length), body, address);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(response, 405, 'Method not allowed.');
    return servePageFile(response, url.pathname, request.method === 'HEAD');
  }

  function signIn(response: ServerResponse, keys: SessionKeys, token: string, alreadySignedIn: boolean, site: string | string[] | undefined): void {
    const session = alreadySignedIn ? undefined : keys.exchange(token);
    if (!alreadySignedIn && session === undefined) {
      return text(response, 403, 'This sign-in link is not valid: each link works once. Stop Keymint (Ctrl+C) and start it again for a new one.');
    }
    if (session !== undefined) response.setHeader('Set-Cookie', keys.cookie(session));
    // On to `/`, so the token leaves the address bar and the history entry. A link followed from
    // elsewhere (another site, the redirect file handed to the browser) stays cross-site through
    // an HTTP redirect, and then the SameSite=Strict cookie is not sent: that case goes on with a
    // refresh from this page, a same-origin navigation that carries the cookie.
    if (site === 'cross-site' || site === 'same-site') {
      response.writeHead(200, { 'Content-Type': TYPES['.html']! });
      response.end('<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>Keymint</title><p><a href="/">Open Keymint</a></p>\n');
      return;
    }
    response.writeHead(303, { Location: '/' }).end();
  }

  async function answer(response: ServerResponse, route: IpcRouter, encodedChannel: string, body: Buffer, address: ServedAddress): Promise<void> {
    let channel: string;
    let input: unknown;
    try {
      channel = decodeURIComponent(encodedChannel);
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('not an object');
      input = Object.hasOwn(parsed, 'input') ? (parsed as { input: unknown }).input : undefined;
    } catch {
      return json(response, 400, { ok: false, code: 'invalid-input', message: 'The request is not a JSON object.' });
    }
    const result = await route({ url: `${address.origin}/`, isMainFrame: true }, channel, input);
    const sent = JSON.stringify(result);
    record(sent);
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(sent);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
    // A first line flushes the headers, so the page knows it is subscribed.
    response.write(': subscribed\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  async function servePageFile(response: ServerResponse, pathname: string, headOnly: boolean): Promise<void> {
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'Content-Type': type });
      response.end(headOnly ? undefined : body);
    };
    if (pathname === '/' || pathname === '/index.html') return send(TYPES['.html']!, page.html);
    if (pathname === PAGE_SCRIPT_PATH) return send(TYPES['.js']!, options.pageScript);
    let file: string;
    try {
      file = normalize(join(options.rendererDir, decodeURIComponent(pathname)));
    } catch {
      return text(response, 400, 'Bad request.');
    }
    if (!file.startsWith(options.rendererDir + sep)) return text(response, 404, 'Not found.');
    const type = TYPES[extname(file)];
    if (!type) return text(response, 404, 'Not found.');
    try {
      send(type, await readFile(file));
    } catch {
      text(response, 404, 'Not found.');
    }
  }

  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': still here\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      clearInterval(heartbeat);
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} on ${host} is already in use; choose another with --port, or leave it out for a free one.`) : error);
    });
    server.listen({ host, port: options.port ?? 0, exclusive: true }, resolve);
  });
  const bound = server.address() as AddressInfo;
  if (!isLoopbackAddress(bound.address)) {
    server.close();
    throw new NotLoopbackError(bound.address);
  }
  const hostAndPort = hostInUrl(bound.address, bound.port);
  const address: ServedAddress = { host: hostAndPort, origin: `http://${hostAndPort}` };
  const keys = new SessionKeys(bound.port);
  listening.state = { address, keys, route: options.keymint.router(trustOnly(`${address.origin}/`)) };
  options.keymint.setEventSink((event, payload) => {
    const data = JSON.stringify(payload);
    record(data);
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${data}\n\n`);
  });

  return {
    origin: address.origin,
    signInUrl: `${address.origin}/?token=${keys.signInToken}`,
    close: () =>
      new Promise<void>((resolve) => {
        options.keymint.setEventSink(undefined);
        clearInterval(heartbeat);
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request target, only in origin form (`/path?query`): an absolute URL in the request line is refused. */
function pathOf(request: IncomingMessage): string | undefined {
  const target = request.url ?? '';
  return target.startsWith('/') && !target.startsWith('//') ? target : undefined;
}

function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase();
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function text(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
}

function json(response: ServerResponse, status: number, result: IpcResult<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
}
