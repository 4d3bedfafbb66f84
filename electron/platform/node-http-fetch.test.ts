import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCappedBody, type FetchReply } from '../core';
import { Cancel } from '../core/http/cancel-signal';
import { createNodeHttpFetch } from './node-http-fetch';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const seen: Seen[] = [];
let server: Server;
let base: string;
/** The server's side of the connection that carried the last request. */
let lastSocket: Socket | undefined;

const routes: Record<string, (response: ServerResponse) => void> = {
  '/json': (response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"access_token":"t"}'),
  '/gzip': (response) => response.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('{"access_token":"zipped"}')),
  '/redirect': (response) => response.writeHead(302, { Location: 'http://elsewhere.example/steal' }).end('go'),
  '/no-content': (response) => response.writeHead(204).end(),
  '/bad-gzip': (response) => response.writeHead(200, { 'Content-Encoding': 'gzip' }).end('not gzip at all'),
  '/hang': () => undefined,
  '/gzip-hang': (response) => void response.writeHead(200, { 'Content-Encoding': 'gzip' }).write(gzipSync('{"access_token":"partly sent"}').subarray(0, 12)),
  '/half': (response) => void response.writeHead(200, { 'Content-Type': 'application/json' }).write('{"access_token":'),
  '/repeated': (response) => response.writeHead(200, { 'WWW-Authenticate': ['Bearer realm="a"', 'Basic realm="b"'], 'Content-Type': 'application/json' }).end('{}'),
  '/cookie': (response) => response.writeHead(200, { 'Set-Cookie': 'session=1' }).end('{}'),
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() });
      lastSocket = request.socket;
      (routes[request.url ?? ''] ?? ((r: ServerResponse) => r.writeHead(404).end()))(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const fetchPort = createNodeHttpFetch();
const last = () => seen.at(-1) as Seen;
const json = async (reply: FetchReply): Promise<unknown> => JSON.parse(await readCappedBody(reply));

describe('the Node hosts’ fetch over node:http', () => {
  it('sends the method, headers and a form body with the Content-Type fetch would add', async () => {
    const response = await fetchPort(`${base}/json`, { method: 'POST', headers: new Headers({ Authorization: 'Basic abc' }), body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ access_token: 't' });
    expect(last()).toMatchObject({ method: 'POST', body: 'grant_type=client_credentials' });
    expect(last().headers).toMatchObject({ authorization: 'Basic abc', 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'content-length': '29' });
  });

  it('keeps a Content-Type the request sets, and sends a multipart form with its boundary', async () => {
    await fetchPort(`${base}/json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    expect(last().headers['content-type']).toBe('application/json');
    const form = new FormData();
    form.append('REFRESH_TOKEN', 'key-1');
    await fetchPort(`${base}/json`, { method: 'POST', body: form });
    const type = last().headers['content-type'] ?? '';
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(last().body).toContain('name="REFRESH_TOKEN"\r\n\r\nkey-1');
  });

  it('decodes a gzip reply and fails clearly on a broken one', async () => {
    expect(await json(await fetchPort(`${base}/gzip`, {}))).toEqual({ access_token: 'zipped' });
    const broken = await fetchPort(`${base}/bad-gzip`, {});
    await expect(readCappedBody(broken)).rejects.toThrow();
  });

  it('returns a redirect instead of following it, and a body-less status without a body', async () => {
    const redirect = await fetchPort(`${base}/redirect`, { method: 'POST', body: 'secret=1' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('http://elsewhere.example/steal');
    expect(seen.filter((request) => request.url === '/steal')).toHaveLength(0);
    const empty = await fetchPort(`${base}/no-content`, {});
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('reads headers in any case, a repeated one joined by ", " as fetch joins it', async () => {
    const reply = await fetchPort(`${base}/repeated`, {});
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="a", Basic realm="b"');
    expect(reply.headers.get('Content-Type')).toBe('application/json');
    expect(reply.headers.get('x-absent')).toBeNull();
    expect(await json(reply)).toEqual({});
  });

  it('keeps no cookie between requests', async () => {
    await fetchPort(`${base}/cookie`, {});
    await fetchPort(`${base}/json`, {});
    expect(last().headers.cookie).toBeUndefined();
  });

  it('fails like fetch: a refused connection names its code, an abort rejects with the reason', async () => {
    const refused = await fetchPort('http://127.0.0.1:1/', {}).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    const controller = new AbortController();
    const pending = fetchPort(`${base}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('budget spent')), 20);
    await expect(pending).rejects.toThrow('budget spent');
  });

  it('listens to the core’s own cancel: before sending, while waiting, and while reading the body', async () => {
    const early = new Cancel();
    early.abort(new Error('cancelled before'));
    const before = seen.length;
    await expect(fetchPort(`${base}/json`, { signal: early })).rejects.toThrow('cancelled before');
    expect(seen).toHaveLength(before);

    const waiting = new Cancel();
    const pending = fetchPort(`${base}/hang`, { signal: waiting });
    setTimeout(() => waiting.abort(new Error('edited meanwhile')), 20);
    await expect(pending).rejects.toThrow('edited meanwhile');

    // Whatever the reason is, the request ends rejected with it.
    const oddly = new Cancel();
    const odd = fetchPort(`${base}/hang`, { signal: oddly });
    setTimeout(() => oddly.abort('a reason that is no Error'), 20);
    await expect(odd).rejects.toBe('a reason that is no Error');

    const reading = new Cancel();
    const reply = await fetchPort(`${base}/half`, { signal: reading });
    const body = readCappedBody(reply);
    setTimeout(() => reading.abort(new Error('locked meanwhile')), 20);
    await expect(body).rejects.toThrow();
  });

  it('frees the connection when a compressed reply is cancelled unread', async () => {
    const reply = await fetchPort(`${base}/gzip-hang`, {});
    const closed = new Promise<void>((resolve) => lastSocket?.once('close', () => resolve()));
    await reply.body?.cancel();
    await closed;
  });

  it('stops listening to a cancel once the exchange is over', async () => {
    let listening = 0;
    const counted = { aborted: false, reason: undefined, addEventListener: () => void listening++, removeEventListener: () => void listening-- };
    for (let i = 0; i < 3; i++) await json(await fetchPort(`${base}/json`, { signal: counted }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(listening).toBe(0);
  });

  it('refuses a header value that would add a header line, before sending anything', async () => {
    const before = seen.length;
    await expect(fetchPort(`${base}/json`, { headers: { 'X-Key': 'a\r\nX-Injected: 1' } })).rejects.toThrow();
    expect(seen).toHaveLength(before);
  });

  it('refuses other schemes', async () => {
    await expect(fetchPort('file:///etc/passwd', {})).rejects.toThrow(TypeError);
  });
});
