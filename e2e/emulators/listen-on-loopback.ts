import type { Server } from 'node:http';

/** Starts `server` on a free port of 127.0.0.1 and returns its base URL (no trailing slash). */
export async function listenOnLoopback(server: Server, what: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${what} is not listening on TCP`);
  return `http://127.0.0.1:${address.port}`;
}
