import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultProxy, startTogaiEmulator } from './index';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function setup() {
  const emulator = await startTogaiEmulator({ apiKey: 'proxy-test-key' });
  const front = await startFaultProxy(emulator.url);
  open.push(front, emulator);
  const authenticate = () => fetch(`${front.url}/authenticate`, { method: 'POST', headers: { authorization: 'Bearer proxy-test-key' } });
  return { emulator, front, authenticate };
}

/** The raw bytes a server sends for `request`, up to the end of the connection. */
function rawExchange(url: string, request: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe('fault proxy', () => {
  it('forwards to the emulator while disarmed, and only token requests (POST) meet an armed fault', async () => {
    const { emulator, front, authenticate } = await setup();
    const reply = await authenticate();
    const { token } = (await reply.json()) as { token: string };
    expect(token).toBe(emulator.issued.at(-1)?.token);
    expect(emulator.requests.at(-1)?.headers.authorization).toBe('Bearer proxy-test-key');

    front.arm({ kind: 'reply', status: 503, body: 'down' });
    expect((await authenticate()).status).toBe(503);
    const protectedReply = await fetch(`${front.url}/protected`, { headers: { authorization: `Bearer ${token}` } });
    expect(protectedReply.status).toBe(200);
    expect(front.faulted).toBe(1);
    expect(emulator.tokenRequests).toBe(1);

    front.disarm();
    expect((await authenticate()).status).toBe(200);
  });

  it('truncates the real reply into a complete-looking, close-delimited half', async () => {
    const { emulator, front } = await setup();
    front.arm({ kind: 'truncate' });
    const raw = await rawExchange(front.url, 'POST /authenticate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer proxy-test-key\r\nContent-Length: 0\r\n\r\n');
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head.toLowerCase()).not.toContain('content-length');
    const whole = JSON.stringify({ token: emulator.issued.at(-1)?.token });
    expect(body).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  });
});
