import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { isHttpToken } from '../../shared/http/header-syntax';
import type { FetchPort, FetchReply, ReplyBody, ReplyHeaders } from '../core';

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
 * the core's FetchReply: what it reads of a fetch Response, without the WHATWG streams and
 * Headers object a Response would build for every reply (about a tenth of a token request).
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
    const signal = init.signal;
    if (signal?.aborted) throw signal.reason;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const reply = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = send(target, { method: init.method ?? 'GET', headers, agent: agents[target.protocol as 'http:'] }, resolve);
      outgoing.once('error', (error) => reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error })));
      if (signal) {
        // As node:http's own `signal` option does: a cancel destroys the request, and with it a
        // reply still being read; the listener goes once the exchange is over.
        // Always with an error, so 'error' fires and the promise settles whatever the reason is.
        const onAbort = () => outgoing.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted', { cause: signal.reason }));
        signal.addEventListener('abort', onAbort, { once: true });
        outgoing.once('close', () => signal.removeEventListener('abort', onAbort));
      }
      outgoing.end(body);
    });
    return toReply(reply);
  };
}

function headerRecord(init: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  // Headers validates names and values as fetch would; the core hands them over as one already.
  for (const [name, value] of init instanceof Headers ? init : new Headers(init)) record[name] = value;
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

function toReply(reply: IncomingMessage): FetchReply {
  const status = reply.statusCode ?? 0;
  let headers: ReplyHeaders;
  try {
    headers = replyHeaders(reply.rawHeaders);
  } catch (error) {
    reply.destroy();
    throw new TypeError('fetch failed', { cause: error });
  }
  if (status < 200 || status > 599) {
    reply.destroy();
    throw new TypeError('fetch failed', { cause: new Error(`the reply's status ${status} is not an HTTP status`) });
  }
  if (NULL_BODY.has(status)) {
    reply.resume();
    return { status, type: 'basic', headers, body: null };
  }
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  const decoder = encoding ? DECODERS[encoding] : undefined;
  let body: Readable = reply;
  if (decoder) {
    const decoded = decoder();
    reply.once('error', (error) => decoded.destroy(error));
    body = reply.pipe(decoded);
  }
  return { status, type: 'basic', headers, body: readerOf(body, reply) };
}

/**
 * Headers as fetch's Headers gives them: names in any case, repeats joined by ", ". A name or
 * value HTTP does not allow fails the request, as it does in fetch (Node's parser refuses most
 * already).
 */
function replyHeaders(raw: readonly string[]): ReplyHeaders {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    const value = (raw[i + 1] ?? '').trim();
    if (!isHttpToken(name) || /[\0\r\n]/.test(value)) throw new Error('the reply carried a header HTTP does not allow');
    const key = name.toLowerCase();
    const before = values.get(key);
    values.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  return { get: (name) => values.get(name.toLowerCase()) ?? null };
}

/**
 * The body read chunk by chunk (decoded, when it was compressed); cancelling destroys the reply
 * itself as well as its decoder, which frees the socket: destroying only the decoder would leave
 * the connection held by a reply nobody reads.
 */
function readerOf(body: Readable, reply: IncomingMessage): ReplyBody {
  const chunks = body[Symbol.asyncIterator]();
  const cancel = async () => {
    body.destroy();
    reply.destroy();
  };
  return {
    cancel,
    getReader: () => ({
      read: async () => {
        const next = await chunks.next();
        return next.done ? { done: true } : { done: false, value: next.value as Buffer };
      },
      cancel,
    }),
  };
}
