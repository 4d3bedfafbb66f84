import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from '../../e2e/emulators/listen-on-loopback';

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface LocalServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Every request that reached the server, body included, whatever the handler then did. */
  requests: SeenRequest[];
  /** TCP connections ever opened to the server (a request may never be parsed). */
  connections: number;
  close(): Promise<void>;
}

/** Answers the n-th request (0-based); the body is read before the handler runs. */
export type LocalHandler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

/**
 * A plain HTTP server on 127.0.0.1 for transport edge cases the provider emulators do not
 * produce (resets, silence, huge bodies, redirects). Closing destroys open sockets so a test
 * with a server that never answers still ends at once.
 */
export async function startLocalServer(handler: LocalHandler): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const requests: SeenRequest[] = [];
  const state = { connections: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const index = requests.length;
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handler(req, res, index);
    });
  });
  server.on('connection', (socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const url = await listenOnLoopback(server, 'local server');
  return {
    url,
    requests,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers });
  res.end(payload);
}
