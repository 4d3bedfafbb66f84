import { describe, expect, it } from 'vitest';
import { startTogaiEmulator } from '../../../e2e/emulators';
import { recipeSchema } from '../../../shared/recipes/recipe-schema';
import { MAX_RESPONSE_BYTES } from '../http/read-capped-body';
import { checkTokenUrl } from '../http/url-policy';
import { sendJson, startLocalServer, type LocalHandler } from '../../test-support/local-server';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure } from '../../test-support/node-ports';
import type { TokenJob } from './token-engine';

const started = closeAfterEach();
const API_KEY = 'engine-test-key-42';

/** A minimal custom recipe for the transport tests against plain local servers. */
const localRecipe = recipeSchema().parse({
  name: 'Local',
  fields: [{ key: 'apiKey', label: 'API key', secret: true }],
  request: { path: '/token', body: { type: 'json', fields: { key: '{{apiKey}}' } } },
  response: { token: 'token', expiry: { path: 'expires_in', kind: 'seconds' } },
});

function localJob(baseUrl: string, extra: Partial<TokenJob> = {}): TokenJob {
  return { recipe: localRecipe, baseUrl, values: { apiKey: API_KEY }, ...extra };
}

const answerToken: LocalHandler = (_req, res) => sendJson(res, 200, { token: 'local-token', expires_in: 60 });

async function togai() {
  const emulator = await started(startTogaiEmulator({ apiKey: API_KEY }));
  return { emulator, job: presetJob('togai', emulator.url, { apiKey: API_KEY }) };
}

describe('single flight', () => {
  it('two concurrent requests for one provider share one network call', async () => {
    const { emulator, job } = await togai();
    const { engine } = testEngine();
    const [a, b] = await Promise.all([engine.obtain('p1', job), engine.obtain('p1', job)]);
    expect(emulator.tokenRequests).toBe(1);
    expect(a.token).toBe(b.token);
    expect(await protectedStatus(emulator.url, a.token)).toBe(200);

    await engine.obtain('p1', job);
    expect(emulator.tokenRequests).toBe(2);
  });

  it('different providers do not share', async () => {
    const { emulator, job } = await togai();
    const { engine } = testEngine();
    await Promise.all([engine.obtain('p1', job), engine.obtain('p2', job)]);
    expect(emulator.tokenRequests).toBe(2);
  });

  it('a failure is shared too, and the next request tries again', async () => {
    const { emulator, job } = await togai();
    const { engine } = testEngine();
    emulator.failNext(500, { message: 'down' });
    const results = await Promise.allSettled([engine.obtain('p1', job), engine.obtain('p1', job)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(emulator.tokenRequests).toBe(1);

    const grant = await engine.obtain('p1', job);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(emulator.tokenRequests).toBe(2);
  });
});

describe('Retry-After on 429', () => {
  it('waits a short Retry-After once (through the injected sleep) and retries', async () => {
    const { emulator, job } = await togai();
    const { engine, waits } = testEngine();
    emulator.failNext(429, { message: 'Too many requests' }, { 'Retry-After': '1' });
    const grant = await engine.obtain('p1', job);
    expect(waits).toEqual([1000]);
    expect(emulator.tokenRequests).toBe(2);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
  });

  it('understands an HTTP-date Retry-After', async () => {
    const { emulator, job } = await togai();
    const { engine, waits } = testEngine();
    emulator.failNext(429, { message: 'Too many requests' }, { 'Retry-After': new Date(Date.now() + 3000).toUTCString() });
    await engine.obtain('p1', job);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
  });

  it('waits only once: a second 429 becomes an error', async () => {
    const { emulator, job } = await togai();
    const { engine, waits } = testEngine();
    emulator.failNext(429, { message: 'Too many requests' }, { 'Retry-After': '1' });
    emulator.failNext(429, { message: 'Still too many' }, { 'Retry-After': '1' });
    const error = await tokenFailure(engine.obtain('p1', job), 'http');
    expect(waits).toEqual([1000]);
    expect(emulator.tokenRequests).toBe(2);
    expect(error.message).toContain('Togai said: "Still too many" (HTTP 429). Rate limited: retry in 1 s.');
  });

  it('turns a long Retry-After into an error saying when to retry, without waiting', async () => {
    const { emulator, job } = await togai();
    const { engine, waits } = testEngine();
    emulator.failNext(429, { message: 'Too many requests' }, { 'Retry-After': '120' });
    const error = await tokenFailure(engine.obtain('p1', job), 'http');
    expect(waits).toEqual([]);
    expect(emulator.tokenRequests).toBe(1);
    expect(error.message).toContain('retry in 120 s');
    expect(error.details).toMatchObject({ status: 429, retryAfterSeconds: 120 });
  });

  it('a long HTTP-date Retry-After is reported in seconds too', async () => {
    const { emulator, job } = await togai();
    const { engine, waits } = testEngine();
    emulator.failNext(429, { message: 'Too many requests' }, { 'Retry-After': new Date(Date.now() + 600_000).toUTCString() });
    const error = await tokenFailure(engine.obtain('p1', job), 'http');
    expect(waits).toEqual([]);
    expect(error.message).toMatch(/retry in (599|600) s/);
    expect(error.details.retryAfterSeconds).toBeGreaterThanOrEqual(599);
  });
});

describe('transport limits', () => {
  it('stops reading a reply larger than 1 MiB sent without a length', async () => {
    const server = await started(
      startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        for (let i = 0; i < 20; i += 1) res.write(chunk);
        res.end('{"token":"x"}');
      }),
    );
    const { engine } = testEngine();
    const error = await tokenFailure(engine.obtain('p1', localJob(server.url)), 'too-large');
    expect(error.message).toContain('larger than 1024 KiB');
  });

  it('refuses a reply that declares more than 1 MiB', async () => {
    const server = await started(
      startLocalServer((_req, res) => {
        const body = Buffer.alloc(MAX_RESPONSE_BYTES + 10, 0x20);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        res.end(body);
      }),
    );
    const { engine } = testEngine();
    await tokenFailure(engine.obtain('p1', localJob(server.url)), 'too-large');
  });

  it('reads a large reply that stays under the cap', async () => {
    const server = await started(
      startLocalServer((_req, res) => sendJson(res, 200, { token: 'big-token', padding: 'x'.repeat(MAX_RESPONSE_BYTES - 100) })),
    );
    const { engine } = testEngine();
    expect((await engine.obtain('p1', localJob(server.url))).token).toBe('big-token');
  });

  it('gives up on a server that never answers', async () => {
    const server = await started(startLocalServer(() => {}));
    const { engine } = testEngine();
    const started_ = Date.now();
    const error = await tokenFailure(engine.obtain('p1', localJob(server.url, { timeoutMs: 200 })), 'timeout');
    expect(Date.now() - started_).toBeLessThan(3000);
    expect(error.message).toContain(`${new URL(server.url).host} did not answer`);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up on a server that stops in the middle of the reply', async () => {
    const server = await started(
      startLocalServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"token": "half');
      }),
    );
    const { engine } = testEngine();
    await tokenFailure(engine.obtain('p1', localJob(server.url, { timeoutMs: 200 })), 'timeout');
  });

  it('retries once after a connection reset', async () => {
    const server = await started(
      startLocalServer((req, res, index) => (index === 0 ? req.socket.destroy() : answerToken(req, res, index))),
    );
    const { engine } = testEngine();
    const grant = await engine.obtain('p1', localJob(server.url));
    expect(grant.token).toBe('local-token');
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([{ key: API_KEY }, { key: API_KEY }]);
  });

  it('reports a second reset instead of retrying forever', async () => {
    const server = await started(startLocalServer((req) => req.socket.destroy()));
    const { engine } = testEngine();
    const error = await tokenFailure(engine.obtain('p1', localJob(server.url)), 'network');
    expect(error.message).toBe(`The connection to ${new URL(server.url).host} was reset.`);
    expect(server.requests).toHaveLength(2);
  });

  it('explains a refused connection', async () => {
    const server = await startLocalServer(answerToken);
    await server.close();
    const { engine } = testEngine();
    const error = await tokenFailure(engine.obtain('p1', localJob(server.url)), 'network');
    expect(error.message).toContain('connection refused');
  });
});

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('a %i to another origin sends nothing there and names it', async (status) => {
    const foreign = await started(startLocalServer(answerToken));
    const tokenServer = await started(
      startLocalServer((_req, res) => {
        res.writeHead(status, { location: `${foreign.url}/collect?from=keymint` });
        res.end();
      }),
    );
    const { engine } = testEngine();
    const error = await tokenFailure(engine.obtain('p1', localJob(tokenServer.url)), 'redirect');

    expect(foreign.requests).toHaveLength(0);
    expect(foreign.connections).toBe(0);
    expect(tokenServer.requests).toHaveLength(1);
    expect(error.message).toBe(
      `The provider redirected the token request to ${foreign.url}. Keymint does not follow redirects with credentials; check the base URL.`,
    );
  });

  it('a redirect within the same origin is not followed either, and names the path', async () => {
    const tokenServer = await started(
      startLocalServer((_req, res, index) => {
        if (index > 0) return answerToken(_req, res, index);
        res.writeHead(307, { location: '/v2/token' });
        res.end();
      }),
    );
    const { engine } = testEngine();
    const error = await tokenFailure(engine.obtain('p1', localJob(tokenServer.url)), 'redirect');
    expect(tokenServer.requests).toHaveLength(1);
    expect(error.message).toContain(`to ${tokenServer.url}/v2/token.`);
  });
});

describe('URL policy', () => {
  it.each([
    ['http://api.togai.com', 'insecure-url', 'Refusing plain http to api.togai.com'],
    ['http://127.0.0.1.nip.io:8080', 'insecure-url', 'Refusing plain http'],
    ['http://localhost.example.com', 'insecure-url', 'Refusing plain http'],
    ['http://10.0.0.5', 'insecure-url', 'Refusing plain http'],
    ['https://key:secret@api.togai.com', 'config', 'not in the URL'],
    ['ftp://api.togai.com', 'config', 'Unsupported URL scheme "ftp:"'],
    ['not a url', 'config', 'is not a full web address'],
    ['   ', 'config', 'Base URL is not set.'],
  ] as const)('%s is refused before any request', async (baseUrl, kind, words) => {
    const { engine, urls } = testEngine();
    const error = await tokenFailure(engine.obtain('p1', presetJob('togai', baseUrl, { apiKey: API_KEY })), kind);
    expect(error.message).toContain(words);
    expect(urls).toEqual([]);
  });

  it('allows plain http to this machine', async () => {
    const server = await started(startLocalServer(answerToken));
    const { engine, urls } = testEngine();
    await engine.obtain('p1', localJob(`${server.url}/`));
    expect(urls).toEqual([`${server.url}/token`]);
    for (const local of ['http://localhost:8080', 'http://[::1]:8080', 'http://127.0.0.2']) {
      expect(checkTokenUrl(local).href).toBe(new URL(local).href);
    }
  });
});
