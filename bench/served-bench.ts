import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listenOnLoopback } from '../e2e/emulators/listen-on-loopback';
import { startServedHost } from '../electron/serve/served-host';
import { call, composeBench } from './compose-bench';
import { sideBySide } from './measure';
import type { BenchResult } from './results';
import { CLIENT_ID, CLIENT_SECRET, startEndpoint } from './token-bench';

const RENDERER_DIR = resolve(import.meta.dirname, '../renderer');
const RUNS = 301;

/**
 * The served host against the in-process router it wraps: one generate and one copy as the
 * browser makes them (POST with the session cookie and Origin, JSON both ways, every pushed
 * event written to an open event stream), against the same calls straight into the router.
 * A third measure isolates the host itself: a call through it against a bare HTTP round trip
 * to a plain Node server that does nothing.
 */
export async function servedBench(): Promise<{ results: BenchResult[]; notes: string[] }> {
  // The token endpoint in a process of its own, as in the token benchmark.
  const endpoint = await startEndpoint();
  const dir = mkdtempSync(join(tmpdir(), 'keymint-bench-served-'));
  const keymint = composeBench(dir);
  const served = await startServedHost({ keymint, rendererDir: RENDERER_DIR, pageScript: '', log: { warn: () => undefined } });
  const plain = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true,"value":null}'));
  });
  const plainUrl = await listenOnLoopback(plain, 'plain server');
  const events = new AbortController();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const route = keymint.router(() => true);
    const { id } = await call<{ id: string }>(route, 'providers:create', {
      presetId: 'oauth2-client-credentials',
      name: 'Service',
      baseUrl: endpoint.url,
      values: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    });

    const signIn = await fetch(served.signInUrl, { redirect: 'manual' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { Cookie: cookie, Origin: served.origin, 'Content-Type': 'application/json' };
    // A page is listening, as in the browser: every event is written to its stream and read.
    const stream = await fetch(`${served.origin}/api/events`, { method: 'POST', headers, body: '{}', signal: events.signal });
    void stream.body?.pipeTo(new WritableStream()).catch(() => undefined);

    // The leanest client, node:http on one kept-alive connection, so the times are the server's and
    // the wire's: Node's fetch (undici) adds most of a millisecond of its own to every call.
    const post = (url: string, body: unknown) =>
      new Promise<void>((done, failed) => {
        const target = new URL(url);
        const sent = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers, agent }, (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            const result = JSON.parse(text) as { ok: boolean; message?: string };
            if (result.ok) done();
            else failed(new Error(`${url}: ${result.message}`));
          });
        });
        sent.on('error', failed);
        sent.end(JSON.stringify(body));
      });
    const results: BenchResult[] = [];
    const measure = async (name: string, subject: () => Promise<unknown>, baseline: { name: string; run: () => Promise<unknown> }, ratio: number) => {
      for (let i = 0; i < 50; i++) {
        await subject();
        await baseline.run();
      }
      const one = await sideBySide(RUNS, subject, baseline.run);
      results.push({ name, measured: one.subject, baseline: { name: baseline.name, ms: one.baseline }, target: { ratio } });
    };
    // The core builds a call's events just after it answers (setImmediate); over HTTP that work
    // overlaps the reply's trip, so the in-process side waits for it too.
    const router = (channel: string) => ({
      name: 'in-process router',
      run: async () => {
        await call(route, channel, { id });
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    await measure('one generate through the served host (HTTP)', () => post(`${served.origin}/api/tokens:generate`, { input: { id } }), router('tokens:generate'), 1.75);
    await measure('one copy through the served host (HTTP)', () => post(`${served.origin}/api/tokens:copy`, { input: { id } }), router('tokens:copy'), 25);
    await measure('the served host’s own cost: vault:status vs a bare round trip', () => post(`${served.origin}/api/vault:status`, {}), { name: 'bare HTTP round trip', run: () => post(plainUrl, {}) }, 2);
    return {
      results,
      notes: [
        'Served host, called with node:http on one kept-alive connection (Node’s fetch would add most of a millisecond of its own to every call). ' +
          'A generate waits for a token request, so HTTP adds one round trip through the host (the third line: about half a millisecond) to a generate of about 2 ms (target 1.75×; 1.4–1.5× measured on a quiet machine). A copy is tens of microseconds of core work here (the bench ' +
          'clipboard discards the text), so one loopback round trip is many times that and the ratio swings with it: the target (25×, about 0.75 ms) keeps the whole copy under a millisecond, and a ' +
          'real clipboard write (xsel, pbcopy: a process each time) adds milliseconds to both sides. The third line is the host itself against a server that ' +
          'does nothing: its checks (Host, Origin, the cookie compared in constant time), security headers, JSON and the router’s validation both ways stay ' +
          'within one more bare round trip (target 2×).',
      ],
    };
  } finally {
    events.abort();
    agent.destroy();
    await served.close();
    await keymint.dispose();
    endpoint.close();
    await new Promise<void>((done) => plain.close(() => done()));
    rmSync(dir, { recursive: true, force: true });
  }
}
