import { expect, it } from 'vitest';
import { closeAfterEach, webFetch } from '../../test-support/node-ports';
import type { FetchInit } from '../ports';
import { startLocalServer } from '../../test-support/local-server';
import { startBudget } from './request-budget';
import { sendTokenRequest } from './token-http-client';

const started = closeAfterEach();

it('asks the fetch port for a token request that is never cached and carries no cookies or other credentials', async () => {
  const server = await started(startLocalServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"t"}')));
  const handed: FetchInit[] = [];
  const reply = await sendTokenRequest(
    (url, init) => {
      handed.push(init);
      return webFetch(url, init);
    },
    { method: 'POST', url: new URL(`${server.url}/token`), headers: { 'content-type': 'application/json' }, body: '{"api_key":"k"}' },
    { budget: startBudget({ timeoutMs: 5_000 }), sleep: async () => {} },
  );
  expect(reply.text).toBe('{"token":"t"}');
  expect(handed.map((init) => [(init as { cache?: string }).cache, init.credentials, init.redirect])).toEqual([['no-store', 'omit', 'manual']]);
  expect(server.requests[0]?.headers.cookie).toBeUndefined();
});
