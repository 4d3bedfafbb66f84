import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchPort } from '../core';

/** Statuses whose Response may carry no body (the Fetch standard's "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The Node hosts' (served host, CLI) token requests over node:http and node:https, answered as
 * a standard `Response` so the core reads them as it reads Electron's or undici's.
 *
 * Why not Node's global fetch: a token request through undici's fetch costs about 1 ms of CPU
 * (WHATWG streams, Request and Headers objects, its own timing bookkeeping), several times
 * what Keymint spends on the token itself — and loading it costs a CLI call ~20 ms at start.
 *
 * What fetch would have done is kept: the default certificate checks, no redirect followed (the
 * 3xx is returned, as `redirect: 'manual'`), no cookie and no cache (node:http has neither),
 * the body and its Content-Type serialised as fetch serialises them, a gzip/deflate/br reply
 * decoded (the core caps what it reads after decoding), and failures shaped like fetch's
 * (`TypeError` with the system error as `cause`), so the core explains them alike.
 */
export function createNodeHttpFetch(): FetchPort {
  // Keep-alive, as fetch does: a renewal reuses the connection instead of a new TCP/TLS handshake.
  const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
  return async (url, init) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new TypeError('fetch failed', { cause: new Error(`unsupported protocol ${target.protocol}`) });
    const headers = headerRecord(init.headers);
    const body = await serialiseBody(init.body, headers);
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const reply = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = send(target, { method: init.method ?? 'GET', headers, agent: agents[target.protocol as 'http:'], signal }, resolve);
      outgoing.once('error', (error) => reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error })));
      outgoing.end(body);
    });
    return toResponse(reply);
  };
}

function headerRecord(init: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  // Headers validates names and values as fetch would; the core has built them as a Headers already.
  for (const [name, value] of new Headers(init)) record[name] = value;
  return record;
}

/** The body as bytes, adding the Content-Type fetch would add when the request sets none. */
async function serialiseBody(body: RequestInit['body'], headers: Record<string, string>): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  let bytes: Buffer;
  let type: string | null;
  if (typeof body === 'string') {
    bytes = Buffer.from(body, 'utf8');
    type = 'text/plain;charset=UTF-8';
  } else if (body instanceof URLSearchParams) {
    bytes = Buffer.from(body.toString(), 'utf8');
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else {
    // A multipart form (and anything rarer): fetch's own serialiser picks the boundary and its type.
    const serialised = new Response(body);
    bytes = Buffer.from(await serialised.arrayBuffer());
    type = serialised.headers.get('content-type');
  }
  if (type !== null && headers['content-type'] === undefined) headers['content-type'] = type;
  headers['content-length'] = String(bytes.length);
  return bytes;
}

function toResponse(reply: IncomingMessage): Response {
  const status = reply.statusCode ?? 0;
  const headers = new Headers();
  try {
    for (let i = 0; i + 1 < reply.rawHeaders.length; i += 2) headers.append(reply.rawHeaders[i] ?? '', reply.rawHeaders[i + 1] ?? '');
  } catch {
    reply.destroy();
    throw new TypeError('fetch failed', { cause: new Error('the reply carried a header HTTP does not allow') });
  }
  if (status < 200 || status > 599) {
    reply.destroy();
    throw new TypeError('fetch failed', { cause: new Error(`the reply's status ${status} is not an HTTP status`) });
  }
  if (NULL_BODY.has(status)) {
    reply.resume();
    return new Response(null, { status, statusText: reply.statusMessage, headers });
  }
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  const decoder = encoding ? DECODERS[encoding] : undefined;
  let body: Readable = reply;
  if (decoder) {
    const decoded = decoder();
    reply.once('error', (error) => decoded.destroy(error));
    body = reply.pipe(decoded);
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, statusText: reply.statusMessage, headers });
}
