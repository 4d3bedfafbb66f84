import { createServer, request as forwardRequest, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './listen-on-loopback';

/**
 * What the proxy does with a token request while armed. Each fault is something real servers
 * and middleboxes do, down to the socket where HTTP itself is the fault.
 */
export type Fault =
  /** Reads the request and never answers. */
  | { kind: 'hang' }
  /** Resets the connection (TCP RST) once the request is read. */
  | { kind: 'reset' }
  /** Answers this instead of the provider. */
  | { kind: 'reply'; status: number; headers?: Record<string, string>; body?: string }
  /** Forwards, then sends the provider's status and the first half of its body and closes the
   * connection; no length is given, so to HTTP the cut is the end of a complete reply. */
  | { kind: 'truncate' }
  /** Answers 200 with `bytes` of JSON whitespace, written only as fast as the client reads. */
  | { kind: 'flood'; bytes: number }
  /** Forwards, then answers with the provider's JSON reply as `edit` returns it. */
  | { kind: 'rewrite'; edit: (body: unknown) => unknown };

export interface FaultProxy {
  /** Base URL without a trailing slash; use it where the emulator's URL would go. */
  url: string;
  /** Token requests the armed fault answered. */
  faulted: number;
  /** Flood bytes written so far: far below the flood's size when the client stops reading. */
  floodedBytes: number;
  /** Applies `fault` to every token request until disarmed; everything else is forwarded. */
  arm(fault: Fault): void;
  disarm(): void;
  close(): Promise<void>;
}

interface Forwarded {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const FLOOD_CHUNK = Buffer.alloc(64 * 1024, 0x20);
/** Hop-by-hop or framing headers the proxy sets itself when it answers. */
const NOT_RELAYED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * A front server for a provider emulator. Token requests are POSTs (every preset's and the
 * OAuth grant's); `/protected` and anything else always reach the emulator, so a test can
 * still prove which tokens it accepts while a fault is armed.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let armed: Fault | undefined;
  const proxy: FaultProxy = {
    url: '',
    faulted: 0,
    floodedBytes: 0,
    arm: (fault) => {
      armed = fault;
    },
    disarm: () => {
      armed = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const fault = req.method === 'POST' ? armed : undefined;
    if (!fault) return relay(res, await forward(upstream, req, body));
    proxy.faulted += 1;
    switch (fault.kind) {
      case 'hang':
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'reply':
        res.writeHead(fault.status, { ...fault.headers, 'content-length': String(Buffer.byteLength(fault.body ?? '')) });
        res.end(fault.body ?? '');
        return;
      case 'truncate':
        return truncate(req.socket, await forward(upstream, req, body));
      case 'flood':
        return flood(res, fault.bytes, (n) => (proxy.floodedBytes += n));
      case 'rewrite':
        return rewrite(res, await forward(upstream, req, body), fault.edit);
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(req, res, Buffer.concat(chunks)).catch(() => {
        // The emulator is gone or the client left: say so plainly, never with request details.
        if (!res.headersSent && !res.destroyed) res.writeHead(502).end('fault proxy: the emulator did not answer');
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  proxy.url = await listenOnLoopback(server, 'fault proxy');
  return proxy;
}

/** Sends the request on unchanged but for Host, and reads the whole (small) token reply. */
function forward(upstream: string, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  const target = new URL(req.url ?? '/', upstream);
  return new Promise((resolve, reject) => {
    const outgoing = forwardRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(reply.headers)) {
          if (value !== undefined && !NOT_RELAYED.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: reply.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
      });
      reply.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function relay(res: ServerResponse, reply: Forwarded): void {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) });
  res.end(reply.body);
}

function rewrite(res: ServerResponse, reply: Forwarded, edit: (body: unknown) => unknown): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body.toString('utf8'));
  } catch {
    // Strict: a rewrite of something that is not JSON would test nothing.
    res.writeHead(502).end('fault proxy: the emulator reply to rewrite is not JSON');
    return;
  }
  relay(res, { ...reply, body: Buffer.from(JSON.stringify(edit(parsed))) });
}

/** Written on the raw socket: Node's HTTP layer would frame the body and make the cut visible. */
function truncate(socket: Socket, reply: Forwarded): void {
  const head = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`, `content-type: ${reply.headers['content-type'] ?? 'application/json'}`, 'connection: close'];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), reply.body.subarray(0, Math.floor(reply.body.length / 2))]));
}

/** Chunked and paced by backpressure, so neither side ever holds more than a chunk or two. */
async function flood(res: ServerResponse, bytes: number, count: (n: number) => void): Promise<void> {
  let closed = false;
  res.once('close', () => (closed = true));
  res.writeHead(200, { 'content-type': 'application/json' });
  for (let sent = 0; sent < bytes && !closed; ) {
    const chunk = FLOOD_CHUNK.subarray(0, Math.min(FLOOD_CHUNK.length, bytes - sent));
    sent += chunk.length;
    count(chunk.length);
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  if (!closed) res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
