import { describe, expect, it } from 'vitest';
import { TokenError } from '../exchange-errors/token-error';
import type { TokenHttpRequest } from '../http/token-http-client';
import { SecretRegistry } from '../redaction/secret-registry';
import { MAX_REPLY_CHARS, recordExchange, type RawExchange } from './record-exchange';

const CLIENT_ID = 'client-7f3a';
const CLIENT_SECRET = 'sk/live+Q9 é-secret';
const API_KEY = 'ak_5b1c9e0d77';
const REFRESH = 'rt_9d8c7b6a5f4e3d2c';
const ACCESS = 'at_0a1b2c3d4e5f6a7b8c9d';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXZhbHVl';
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

function secrets(...values: string[]): SecretRegistry {
  const registry = new SecretRegistry();
  registry.add(...values);
  return registry;
}

const ALL = () => secrets(CLIENT_SECRET, API_KEY, REFRESH, ACCESS, JWT, BASIC);

function exchange(request: Partial<TokenHttpRequest>, reply?: { status?: number; text: string; type?: string }, error?: unknown): RawExchange {
  return {
    kind: 'authenticate',
    startedAt: Date.UTC(2026, 0, 1, 12),
    endedAt: Date.UTC(2026, 0, 1, 12) + 84.4,
    request: { method: 'POST', url: new URL('https://auth.example/token'), headers: {}, ...request },
    authHeader: 'Authorization',
    reply: reply && { status: reply.status ?? 200, headers: new Headers(reply.type ? { 'content-type': reply.type } : {}), text: reply.text },
    error,
  };
}

/** Every secret of this file, in the forms the record could carry it. */
function expectNoSecret(text: string): void {
  for (const value of [CLIENT_SECRET, API_KEY, REFRESH, ACCESS, JWT, BASIC, encodeURIComponent(CLIENT_SECRET), JSON.stringify(CLIENT_SECRET).slice(1, -1)]) {
    expect(text).not.toContain(value);
  }
}

describe('a recorded exchange', () => {
  it('has its time, duration, status and failure kind', () => {
    const recorded = recordExchange(exchange({}, { status: 401, text: '{"error":"invalid_client"}' }, new TokenError('http', 'refused', { status: 401 })), ALL());
    expect(recorded).toMatchObject({ at: '2026-01-01T12:00:00.000Z', durationMs: 84, kind: 'authenticate', status: 401, failure: 'http' });
  });

  it('has no reply when none came, and the failure says why', () => {
    const recorded = recordExchange(exchange({}, undefined, new TokenError('network', 'Could not reach auth.example')), ALL());
    expect(recorded).toMatchObject({ status: null, failure: 'network', response: null });
  });
});

describe('redaction of the request', () => {
  it('hides a Basic credential but keeps its scheme', () => {
    const recorded = recordExchange(exchange({ headers: { Authorization: `Basic ${BASIC}` } }), ALL());
    expect(recorded.request.headers).toEqual([['Authorization', 'Basic [redacted]']]);
  });

  it('hides a Basic credential Keymint was never told of (derived on the way)', () => {
    const unknown = Buffer.from('someone:else').toString('base64');
    const recorded = recordExchange(exchange({ headers: { Authorization: `Basic ${unknown}` } }), secrets());
    expect(JSON.stringify(recorded)).not.toContain(unknown);
  });

  it("hides a custom auth header's whole value, and secrets in other headers", () => {
    const raw = exchange({ headers: { 'X-Api-Key': API_KEY, 'X-Trace': `trace ${API_KEY}`, Accept: 'application/json' } });
    const recorded = recordExchange({ ...raw, authHeader: 'X-Api-Key' }, ALL());
    expect(recorded.request.headers).toEqual([
      ['X-Api-Key', '[redacted]'],
      ['X-Trace', 'trace [redacted]'],
      ['Accept', 'application/json'],
    ]);
  });

  it('hides secrets in the URL, percent-encoded in the path and in the query', () => {
    const url = new URL(`https://auth.example/tenants/${encodeURIComponent(CLIENT_SECRET)}/token?key=${encodeURIComponent(API_KEY)}&region=eu`);
    const recorded = recordExchange(exchange({ url }), ALL());
    expect(recorded.request.url).toBe('https://auth.example/tenants/[redacted]/token?key=[redacted]&region=eu');
  });

  it('hides a refresh token or access token sent in the query string', () => {
    const url = new URL(`https://auth.example/token?grant_type=refresh_token&refresh_token=${REFRESH}&access_token=${encodeURIComponent(JWT)}`);
    const recorded = recordExchange(exchange({ url }), ALL());
    expect(recorded.request.url).toBe('https://auth.example/token?grant_type=refresh_token&refresh_token=[redacted]&access_token=[redacted]');
  });

  it('hides client secrets and refresh tokens in a form body, keeping the other fields readable', () => {
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: REFRESH, client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    const recorded = recordExchange(exchange({ body }), ALL());
    expect(recorded.request.body).toBe(`grant_type=refresh_token&refresh_token=[redacted]&client_id=${CLIENT_ID}&client_secret=[redacted]`);
  });

  it('hides secrets in a JSON body, under any name', () => {
    const body = JSON.stringify({ key: API_KEY, nested: { password: 'hunter2-pass' }, subject: 'user-1' });
    const recorded = recordExchange(exchange({ body }), ALL());
    expect(JSON.parse(recorded.request.body ?? '')).toEqual({ key: '[redacted]', nested: { password: '[redacted]' }, subject: 'user-1' });
  });

  it('hides secrets in a multipart body', () => {
    const body = new FormData();
    body.append('api_key', API_KEY);
    body.append('note', `uses ${API_KEY}`);
    const recorded = recordExchange(exchange({ body }), ALL());
    expect(recorded.request.body).toBe('multipart/form-data\napi_key: [redacted]\nnote: uses [redacted]');
  });

  it('hides a secret shorter than four characters where it is a whole value', () => {
    const recorded = recordExchange(exchange({ body: JSON.stringify({ pin: 'a1Z', note: 'a1Z is short' }) }), secrets('a1Z'));
    expect(JSON.parse(recorded.request.body ?? '')).toEqual({ pin: '[redacted]', note: 'a1Z is short' });
  });
});

describe('redaction of the reply', () => {
  it('hides the access token, refresh token and id token of a JSON reply, keeping expiry and type', () => {
    const text = JSON.stringify({ access_token: ACCESS, refresh_token: REFRESH, id_token: JWT, token_type: 'Bearer', expires_in: 3600, refresh_token_expires_in: 86400 });
    const recorded = recordExchange(exchange({}, { text, type: 'application/json' }), ALL());
    expect(JSON.parse(recorded.response?.body ?? '')).toEqual({
      access_token: '[redacted]',
      refresh_token: '[redacted]',
      id_token: '[redacted]',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token_expires_in: 86400,
    });
    expect(recorded.response?.contentType).toBe('application/json');
  });

  it('hides a token under a name no rule knows, and tokens nested in arrays', () => {
    const text = JSON.stringify({ data: [{ jwt: JWT }, { value: ACCESS }], message: `your token is ${ACCESS}` });
    const recorded = recordExchange(exchange({}, { text }), ALL());
    expectNoSecret(JSON.stringify(recorded));
  });

  it('hides a token inside a URL in the reply', () => {
    const text = JSON.stringify({ next: `https://api.example/start?access_token=${ACCESS}&refresh=${REFRESH}` });
    expect(JSON.parse(recordExchange(exchange({}, { text }), ALL()).response?.body ?? '')).toEqual({ next: 'https://api.example/start?access_token=[redacted]&refresh=[redacted]' });
  });

  it('hides a JWT it was never told of', () => {
    const stranger = 'eyJ0eXAiOiJKV1QifQ.eyJ4IjoxfQ.abc_DEF-123';
    const recorded = recordExchange(exchange({}, { text: `token=${stranger}; note` }), secrets());
    expect(recorded.response?.body).toBe('token=[redacted JWT]; note');
  });

  it('hides secrets a server echoes in a text or HTML error, encoded or not', () => {
    const text = `<p>Unknown key ${API_KEY} for client ${encodeURIComponent(CLIENT_SECRET)} (refresh ${REFRESH})</p>`;
    const recorded = recordExchange(exchange({}, { status: 401, text, type: 'text/html' }), ALL());
    expect(recorded.response?.body).toBe('<p>Unknown key [redacted] for client [redacted] (refresh [redacted])</p>');
  });

  it('hides a JSON-escaped secret inside a JSON string', () => {
    const text = JSON.stringify({ error: `bad secret "${CLIENT_SECRET}"` });
    expectNoSecret(JSON.stringify(recordExchange(exchange({}, { status: 400, text }), ALL())));
  });
});

describe('a hostile reply', () => {
  it('is cut at the cap, saying how much was left out, and redacted before the cut', () => {
    const text = `${'x'.repeat(MAX_REPLY_CHARS - 5)}${ACCESS}${'y'.repeat(500_000)}`;
    const recorded = recordExchange(exchange({}, { text }), ALL());
    expect(recorded.response?.body.length).toBe(MAX_REPLY_CHARS);
    expect(recorded.response?.omittedChars).toBeGreaterThan(500_000 - 100);
    expect(recorded.response?.body).not.toContain(ACCESS.slice(0, 5));
  });

  it('is described, not shown, when it is binary', () => {
    const text = new TextDecoder().decode(Uint8Array.from({ length: 2000 }, (_, i) => (i * 37) % 256));
    const recorded = recordExchange(exchange({}, { text, type: 'application/octet-stream' }), ALL());
    expect(recorded.response?.body).toMatch(/^\[binary reply: \d+ characters not shown\]$/);
  });

  it('has its control characters, bidi overrides and zero-width characters replaced', () => {
    const text = 'ok\u0000\u001b[31mred\u0007 \u202eevil\u202c \u200bhidden\r\nnext\tcol\u0085';
    const body = recordExchange(exchange({}, { text }), ALL()).response?.body ?? '';
    expect(body).toBe('ok\ufffd\ufffd[31mred\ufffd \ufffdevil\ufffd \ufffdhidden\nnext\tcol\ufffd');
  });

  it('has control characters in JSON strings replaced too', () => {
    const body = recordExchange(exchange({}, { text: '{"error":"bad\\u001b[2J\\u202e"}' }), ALL()).response?.body ?? '';
    expect(body).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
  });

  it('cannot set a prototype with a "__proto__" key', () => {
    const body = recordExchange(exchange({}, { text: '{"__proto__":{"polluted":"yes"},"a":1}' }), ALL()).response?.body ?? '';
    expect(JSON.parse(body)).toEqual(JSON.parse('{"__proto__":{"polluted":"yes"},"a":1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('nested thousands deep is shown to a depth and no further', () => {
    const text = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const body = recordExchange(exchange({}, { text }), ALL()).response?.body ?? '';
    expect(body).toContain('nested too deep');
  });

  it('with a hostile content type is cleaned and cut', () => {
    const raw = exchange({}, { text: '{}', type: `text/plain; x=${'a'.repeat(1000)}` });
    expect(recordExchange(raw, ALL()).response?.contentType?.length).toBe(200);
  });
});
