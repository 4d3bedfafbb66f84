import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';
import { NotLoopbackError } from './loopback';
import { startServedHost, type ServedHost } from './served-host';

const RENDERER_DIR = resolve(import.meta.dirname, '../../renderer');
const PAGE_SCRIPT = 'window.served = true;';
const openHarness = harnessesDisposedAfterEach();
const hosts: ServedHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and the rest are exactly what a hostile client would send. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((done, failed) => {
    const target = new URL(url);
    const request = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: options.method ?? 'GET', headers: options.headers, setHost: !options.headers?.Host },
      (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', failed);
    request.end(options.body);
  });
}

async function serve(host?: string) {
  const harness = openHarness();
  const served = await startServedHost({ keymint: harness.keymint, rendererDir: RENDERER_DIR, pageScript: PAGE_SCRIPT, host, log: { warn: () => undefined } });
  hosts.push(served);
  return { harness, served };
}

/** Signs in with the printed link; the cookie header to send from then on. */
async function signIn(served: ServedHost): Promise<string> {
  const reply = await send(served.signInUrl);
  expect(reply.status).toBe(303);
  const cookie = reply.headers['set-cookie']?.[0] ?? '';
  return cookie.split(';')[0]!;
}

function api(served: ServedHost, channel: string, cookie: string, extra: { input?: unknown; headers?: Record<string, string> } = {}) {
  return send(`${served.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: served.origin, 'Content-Type': 'application/json', ...extra.headers },
    body: JSON.stringify(extra.input === undefined ? {} : { input: extra.input }),
  });
}

describe('the served host signs in once', () => {
  it('exchanges the one-time token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const { served } = await serve();
    expect(served.signInUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    const reply = await send(served.signInUrl);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const port = new URL(served.origin).port;
    expect(reply.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^keymint_session_${port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`))]);
  });

  it('followed from another site, goes on to `/` from its own page, so the SameSite=Strict cookie is sent', async () => {
    const { served } = await serve();
    const reply = await send(served.signInUrl, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['set-cookie']).toEqual([expect.stringContaining('HttpOnly; SameSite=Strict; Path=/')]);
    expect(reply.body).toContain('<meta http-equiv="refresh" content="0;url=/">');
    expect(reply.body).not.toContain('token');
  });

  it('refuses a wrong token and a used one, without a cookie', async () => {
    const { served } = await serve();
    const wrong = await send(`${served.origin}/?token=${'A'.repeat(43)}`);
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await send(`${served.origin}/?token=`)).status).toBe(403);
    await signIn(served);
    const again = await send(served.signInUrl);
    expect(again.status).toBe(403);
    expect(again.body).toMatch(/each link works once/);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses the page, its files and the API without the cookie, or with a forged one', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    for (const sent of [{} as Record<string, string>, { Cookie: `${cookie.split('=')[0]}=forged` }, { Cookie: 'keymint_session=x' }]) {
      expect((await send(`${served.origin}/`, { headers: sent })).status).toBe(401);
      expect((await send(`${served.origin}/keymint-api.js`, { headers: sent })).status).toBe(401);
      const call = await send(`${served.origin}/api/vault:status`, { method: 'POST', headers: { ...sent, Origin: served.origin, 'Content-Type': 'application/json' }, body: '{}' });
      expect(call.status).toBe(401);
      expect(call.body).not.toContain('"ok"');
    }
  });
});

describe('the served host answers only its own page', () => {
  it('refuses another Host (DNS rebinding), even with the cookie', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    const port = new URL(served.origin).port;
    for (const host of [`attacker.example:${port}`, `localhost:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
      expect((await send(`${served.origin}/`, { headers: { Host: host, Cookie: cookie } })).status).toBe(403);
      expect((await api(served, 'vault:status', cookie, { headers: { Host: host } })).status).toBe(403);
    }
    expect((await send(`${served.origin}/`, { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('refuses an API call from another Origin, or without one', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    for (const origin of ['http://attacker.example', 'null', `http://localhost:${new URL(served.origin).port}`, served.origin.replace('http:', 'https:')]) {
      const reply = await api(served, 'vault:status', cookie, { headers: { Origin: origin } });
      expect(reply.status).toBe(403);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
    const noOrigin = await send(`${served.origin}/api/vault:status`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    expect((await api(served, 'vault:status', cookie)).status).toBe(200);
  });

  it('refuses a cross-site form POST whatever its content type, and any body that is not JSON', async () => {
    const { harness, served } = await serve();
    const cookie = await signIn(served);
    await harness.value('vault:setup', { method: 'keychain' });
    const forms = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'];
    for (const type of forms) {
      const crossSite = await send(`${served.origin}/api/vault:lock`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: 'http://attacker.example', 'Sec-Fetch-Site': 'cross-site', 'Content-Type': type },
        body: '{"input":null}',
      });
      expect(crossSite.status).toBe(403);
      // Even with this page's Origin (a client that forges it), a form encoding is not the API's.
      const sameOrigin = await send(`${served.origin}/api/vault:lock`, { method: 'POST', headers: { Cookie: cookie, Origin: served.origin, 'Content-Type': type }, body: '{}' });
      expect(sameOrigin.status).toBe(415);
    }
    const crossSiteFetch = await api(served, 'vault:lock', cookie, { headers: { 'Sec-Fetch-Site': 'same-site' } });
    expect(crossSiteFetch.status).toBe(403);
    expect((await harness.value<{ state: string }>('vault:status')).state).toBe('unlocked');
  });

  it('answers no CORS preflight and only POST on the API', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    const preflight = await send(`${served.origin}/api/vault:status`, {
      method: 'OPTIONS',
      headers: { Origin: served.origin, 'Access-Control-Request-Method': 'POST', Cookie: cookie },
    });
    expect(preflight.status).toBe(405);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect((await send(`${served.origin}/api/vault:status`, { headers: { Cookie: cookie, Origin: served.origin } })).status).toBe(405);
  });

  it('sends the security headers on every response, refusals included', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    const replies = [
      await send(`${served.origin}/`, { headers: { Cookie: cookie } }),
      await send(`${served.origin}/`),
      await send(`${served.origin}/`, { headers: { Host: 'attacker.example' } }),
      await api(served, 'vault:status', cookie),
    ];
    for (const reply of replies) {
      expect(reply.headers).toMatchObject({
        'content-security-policy': expect.stringMatching(/^default-src 'self'; .*connect-src 'self'.*frame-ancestors 'none'$/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
    }
  });
});

describe('the served page and its API', () => {
  it('serves the app page with its own CSP (connect-src self) and the bootstrap before the app', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    const page = await send(`${served.origin}/`, { headers: { Cookie: cookie } });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const source = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    expect(page.body).toBe(
      source.replace(/<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/>/, () =>
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'" />\n    <script src="/keymint-api.js"></script>`,
      ),
    );
    expect((await send(`${served.origin}/keymint-api.js`, { headers: { Cookie: cookie } })).body).toBe(PAGE_SCRIPT);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/src/../../package.json', '/index.html/..%2f..%2fpackage.json']) {
      expect((await send(`${served.origin}${path}`, { headers: { Cookie: cookie } })).status).toBe(404);
    }
  });

  it('routes a call through the real router: results, its validation, unknown channels, bodies that are not JSON', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    const status = await api(served, 'vault:status', cookie);
    expect(status.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { state: expect.any(String) } });
    expect(JSON.parse((await api(served, 'providers:remove', cookie, { input: { id: 7 } })).body)).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(JSON.parse((await api(served, 'shell:exec', cookie)).body)).toMatchObject({ ok: false, code: 'unknown-channel' });
    for (const body of ['not json', '[1]', 'null']) {
      const reply = await send(`${served.origin}/api/vault:status`, { method: 'POST', headers: { Cookie: cookie, Origin: served.origin, 'Content-Type': 'application/json' }, body });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'invalid-input' });
    }
  });

  it('refuses a body over 64 MiB before reading it', async () => {
    const { served } = await serve();
    const cookie = await signIn(served);
    const reply = await send(`${served.origin}/api/backup:import`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: served.origin, 'Content-Type': 'application/json', 'Content-Length': String(65 * 1024 * 1024) },
    });
    expect(reply.status).toBe(413);
  });

  it('pushes events on a stream that needs the cookie and the Origin too', async () => {
    const { harness, served } = await serve();
    const cookie = await signIn(served);
    const post = (headers: Record<string, string>) => send(`${served.origin}/api/events`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
    expect((await post({ Origin: served.origin })).status).toBe(401);
    expect((await post({ Cookie: cookie })).status).toBe(403);
    expect((await post({ Cookie: cookie, Origin: 'http://attacker.example' })).status).toBe(403);

    const response = await fetch(`${served.origin}/api/events`, { method: 'POST', headers: { Cookie: cookie, Origin: served.origin, 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe(': subscribed\n\n');
    await harness.value('vault:setup', { method: 'keychain' });
    let received = '';
    while (!received.includes('\n\n') || !received.includes('event: vault:changed')) received += (await reader.read()).value ?? '';
    expect(received).toMatch(/event: vault:changed\ndata: \{"state":"unlocked".*\}\n\n/);
    await reader.cancel();
  });
});

describe('the served host listens on loopback only', () => {
  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com', 'localhost'])('refuses to listen on %s', async (address) => {
    const harness = openHarness();
    await expect(startServedHost({ keymint: harness.keymint, rendererDir: RENDERER_DIR, pageScript: '', host: address, log: { warn: () => undefined } })).rejects.toThrow(NotLoopbackError);
  });

  it('listens on another loopback address when asked', async () => {
    const { served } = await serve('127.0.0.2');
    expect(served.origin).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    expect((await send(served.signInUrl)).status).toBe(303);
  });
});
