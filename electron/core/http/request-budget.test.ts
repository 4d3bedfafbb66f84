import { describe, expect, it } from 'vitest';
import { recipeSchema } from '../../../shared/recipes/recipe-schema';
import type { FetchPort, Sleep } from '../ports';
import { sendJson, startLocalServer, type LocalHandler } from '../../test-support/local-server';
import { closeAfterEach, recordingSleep, tokenFailure, webFetch } from '../../test-support/node-ports';
import { TokenEngine, type TokenJob } from '../tokens/token-engine';

const started = closeAfterEach();
const API_KEY = 'budget-test-key-9f2';
/** Generous room over a limit for timers and loopback under load. */
const SLACK_MS = 500;

/** A custom recipe with a refresh request, so the fallback to full authentication can be driven. */
const recipe = recipeSchema().parse({
  name: 'Local',
  fields: [{ key: 'apiKey', label: 'API key', secret: true }],
  request: { path: '/token', body: { type: 'json', fields: { key: '{{apiKey}}' } } },
  refresh: { path: '/token', body: { type: 'json', fields: { refresh: '{{saved.refreshToken}}' } } },
  response: { token: 'token', refreshToken: 'refresh', expiry: { path: 'expires_in', kind: 'seconds' } },
});

function job(baseUrl: string, extra: Partial<TokenJob> = {}): TokenJob {
  return { recipe, baseUrl, values: { apiKey: API_KEY }, ...extra };
}

function engine(sleep: Sleep = recordingSleep().sleep, fetchPort: FetchPort = webFetch): TokenEngine {
  return new TokenEngine({ fetch: fetchPort, sleep, clock: { now: () => Date.now() } });
}

const after = (ms: number, action: () => void) => setTimeout(action, ms);
const hang: LocalHandler = () => {};

/** Runs `promise` and returns how long it took to settle. */
async function timed<T>(promise: Promise<T>): Promise<{ ms: number; result: Promise<T> }> {
  const start = performance.now();
  await promise.catch(() => undefined);
  return { ms: performance.now() - start, result: promise };
}

describe('one time limit for the whole request', () => {
  it('covers a reset and the retry after it: a retry that hangs ends at the limit, not a limit later', async () => {
    const server = await started(startLocalServer((req, _res, index) => (index === 0 ? after(800, () => req.socket.resetAndDestroy()) : undefined)));
    const { ms, result } = await timed(engine().obtain('p1', job(server.url, { timeoutMs: 1000 })));

    const error = await tokenFailure(result, 'timeout');
    expect(error.message).toBe(`${new URL(server.url).host} did not answer within 1 s. Check the base URL or raise the timeout.`);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(1000 + SLACK_MS);
  });

  it('covers the refresh and the full authentication after a rejected refresh', async () => {
    const server = await started(
      startLocalServer((_req, res, index) => (index === 0 ? after(800, () => sendJson(res, 401, { message: 'refresh token revoked' })) : undefined)),
    );
    const held = { refreshToken: 'old-refresh-token', saved: {} };
    const { ms, result } = await timed(engine().obtain('p1', job(server.url, { timeoutMs: 1000, held })));

    await tokenFailure(result, 'timeout');
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([{ refresh: 'old-refresh-token' }, { key: API_KEY }]);
    expect(ms).toBeLessThan(1000 + SLACK_MS);
  });

  it('does not wait a Retry-After longer than the limit: it fails at once saying when to retry', async () => {
    const server = await started(startLocalServer((_req, res) => sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '5' })));
    const { sleep, waits } = recordingSleep();
    const { ms, result } = await timed(engine(sleep).obtain('p1', job(server.url, { timeoutMs: 1000 })));

    const error = await tokenFailure(result, 'http');
    expect(error.message).toContain('Rate limited: retry in 5 s.');
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(SLACK_MS);
  });

  it('measures a Retry-After against the time left, not the whole limit', async () => {
    const server = await started(
      startLocalServer((_req, res) => after(1300, () => sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '1' }))),
    );
    const { sleep, waits } = recordingSleep();
    const { ms, result } = await timed(engine(sleep).obtain('p1', job(server.url, { timeoutMs: 2000 })));

    expect((await tokenFailure(result, 'http')).message).toContain('retry in 1 s');
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(2000);
  });

  it('waits a Retry-After that ends before the limit, then retries', async () => {
    const server = await started(
      startLocalServer((_req, res, index) =>
        index === 0 ? sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '1' }) : sendJson(res, 200, { token: 'after-wait', expires_in: 60 }),
      ),
    );
    const { sleep, waits } = recordingSleep();
    const grant = await engine(sleep).obtain('p1', job(server.url, { timeoutMs: 3000 }));
    expect(grant.token).toBe('after-wait');
    expect(waits).toEqual([1000]);
  });
});

describe('the caller\'s cancel', () => {
  it('aborts a hanging fetch at once and closes its connection', async () => {
    const closed: string[] = [];
    const server = await started(startLocalServer((req) => req.socket.once('close', () => closed.push('socket'))));
    const cancel = new AbortController();
    after(200, () => cancel.abort());
    const { ms, result } = await timed(engine().obtain('p1', job(server.url, { timeoutMs: 5000, signal: cancel.signal })));

    const error = await tokenFailure(result, 'cancelled');
    expect(error.message).toBe(`The request was cancelled (the provider was edited or removed, or the vault was locked); nothing more was sent to ${new URL(server.url).host}.`);
    expect(error.message).not.toContain(API_KEY);
    expect(ms).toBeLessThan(200 + SLACK_MS);
    await expect.poll(() => closed).toEqual(['socket']);
    expect(server.requests).toHaveLength(1);
  });

  it('ends a Retry-After wait at once, even when the sleep does not listen, and sends nothing after it', async () => {
    const server = await started(startLocalServer((_req, res) => sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '2' })));
    const cancel = new AbortController();
    let endSleep = () => {};
    const sleep: Sleep = () => {
      after(100, () => cancel.abort());
      return new Promise((resolve) => (endSleep = resolve));
    };
    const { ms, result } = await timed(engine(sleep).obtain('p1', job(server.url, { timeoutMs: 5000, signal: cancel.signal })));

    await tokenFailure(result, 'cancelled');
    expect(ms).toBeLessThan(100 + SLACK_MS);
    endSleep();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the request is cancelled before it starts', async () => {
    const server = await started(startLocalServer(hang));
    const cancel = new AbortController();
    cancel.abort();
    await tokenFailure(engine().obtain('p1', job(server.url, { signal: cancel.signal })), 'cancelled');
    expect(server.connections).toBe(0);
  });

  it('sends no full authentication after a rejected refresh once cancelled', async () => {
    const cancel = new AbortController();
    const server = await started(
      startLocalServer((_req, res) => {
        cancel.abort();
        sendJson(res, 401, { message: 'refresh token revoked' });
      }),
    );
    const held = { refreshToken: 'old-refresh-token', saved: {} };
    await tokenFailure(engine().obtain('p1', job(server.url, { signal: cancel.signal, held })), 'cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('drops a reply that was already in hand when the cancel came', async () => {
    const server = await started(startLocalServer((_req, res) => sendJson(res, 200, { token: 'minted-before-the-edit', expires_in: 60 })));
    const cancel = new AbortController();
    // The whole reply is read before the cancel, as when the edit lands between reading and mapping.
    const readThenCancel: FetchPort = async (url, init) => {
      const response = (await webFetch(url, init)) as Response;
      const text = await response.text();
      cancel.abort();
      return new Response(text, { status: response.status, headers: response.headers });
    };
    await tokenFailure(engine(undefined, readThenCancel).obtain('p1', job(server.url, { signal: cancel.signal })), 'cancelled');
  });
});
