import { describe, test } from 'vitest';
import {
  startBotlhaleEmulator,
  startFaultProxy,
  startHighlineEmulator,
  startOAuthClientCredentialsEmulator,
  startTogaiEmulator,
  startWelkinEmulator,
  startXeniooEmulator,
  type Emulator,
  type Fault,
} from '../../../e2e/emulators';
import type { PresetId } from '../../../shared/recipes/presets';
import { DEFAULT_TIMEOUT_MS } from '../http/token-http-client';
import { startLocalServer } from '../../test-support/local-server';
import { protectedStatus } from '../../test-support/node-ports';
import { tokenServices } from '../../test-support/token-services';
import type { TokenErrorKind } from '../exchange-errors/token-error';

/**
 * Every preset against every fault a token endpoint can show: the request ends in a typed
 * error that names no secret, the token held from before stays usable and copyable, and
 * nothing reaches another origin.
 */

interface PresetCase {
  id: Exclude<PresetId, 'custom'>;
  start(): Promise<Emulator>;
  /** Where the token endpoint is, given the server in front of the emulator. */
  baseUrl(front: string): string;
  values: Record<string, string>;
  secrets: string[];
  /** Where a successful reply holds the token. */
  token: string[];
  /** Where it holds the expiry, or 'jwt' when the expiry is the token's own `exp`. */
  expiry: string[] | 'jwt';
}

const BOTLHALE_KEY = 'bh-live-7Yq2mZ0pLk4x';
const XENIOO_KEY = 'xen-acct-Rt5v8Wq1';
const HIGHLINE = { apiKey: 'hl-key-3Nf9Tz', secret: 'hl-secret-Pq7Lw2Xc' };
const TOGAI_KEY = 'tg_live_Mv4Qs9Bn2Kd';
const WELKIN = { tenant: 'gh', clientName: 'VBOPNRYRWJIP', secret: '+}B{KGTG6#zG%P;tQm0C' };
const OAUTH = { clientId: 'client-fault-9', clientSecret: 'oauth secret+Zr8/Yu1' };

const presets: PresetCase[] = [
  {
    id: 'botlhale',
    start: () => startBotlhaleEmulator({ apiKey: BOTLHALE_KEY }),
    baseUrl: (front) => front,
    values: { apiKey: BOTLHALE_KEY },
    secrets: [BOTLHALE_KEY],
    token: ['AuthenticationResult', 'IdToken'],
    expiry: ['AuthenticationResult', 'ExpiresIn'],
  },
  {
    id: 'xenioo',
    start: () => startXeniooEmulator({ accountApiKey: XENIOO_KEY }),
    baseUrl: (front) => front,
    values: { accountApiKey: XENIOO_KEY },
    secrets: [XENIOO_KEY],
    token: ['token'],
    expiry: ['expires'],
  },
  {
    id: 'highline',
    start: () => startHighlineEmulator(HIGHLINE),
    baseUrl: (front) => front,
    values: HIGHLINE,
    secrets: [HIGHLINE.apiKey, HIGHLINE.secret],
    token: ['access_token'],
    expiry: ['expires_in'],
  },
  {
    id: 'togai',
    start: () => startTogaiEmulator({ apiKey: TOGAI_KEY }),
    baseUrl: (front) => front,
    values: { apiKey: TOGAI_KEY },
    secrets: [TOGAI_KEY],
    token: ['token'],
    expiry: 'jwt',
  },
  {
    id: 'welkin',
    start: () => startWelkinEmulator(WELKIN),
    baseUrl: (front) => front,
    values: { tenant: WELKIN.tenant, apiClient: WELKIN.clientName, secret: WELKIN.secret },
    secrets: [WELKIN.secret],
    token: ['token'],
    expiry: 'jwt',
  },
  {
    id: 'oauth2-client-credentials',
    start: () => startOAuthClientCredentialsEmulator(OAUTH),
    baseUrl: (front) => `${front}/oauth/token`,
    values: OAUTH,
    secrets: [OAUTH.clientSecret, Buffer.from(`${OAUTH.clientId}:${OAUTH.clientSecret}`).toString('base64')],
    token: ['access_token'],
    expiry: ['expires_in'],
  },
];

interface FaultCase {
  name: string;
  fault(preset: PresetCase, foreign: string): Fault;
  kind: TokenErrorKind;
  /** Token requests the fault answers: a reset and a short Retry-After are each tried twice. */
  hits: number;
  /** Waits asked of the (instant) sleep; none unless given. */
  waits?: number[];
  timeoutSeconds?: number;
}

const MiB = 1024 * 1024;

const faults: FaultCase[] = [
  { name: 'no answer', fault: () => ({ kind: 'hang' }), kind: 'timeout', hits: 1, timeoutSeconds: 1 },
  { name: 'a connection reset', fault: () => ({ kind: 'reset' }), kind: 'network', hits: 2 },
  {
    name: 'an HTML 500 page',
    fault: () => ({ kind: 'reply', status: 500, headers: { 'content-type': 'text/html' }, body: '<!doctype html><h1>500 Internal Server Error</h1>' }),
    kind: 'http',
    hits: 1,
  },
  { name: 'truncated JSON on 200', fault: () => ({ kind: 'truncate' }), kind: 'unreadable', hits: 1 },
  { name: 'an empty 200', fault: () => ({ kind: 'reply', status: 200, headers: { 'content-type': 'application/json' } }), kind: 'unreadable', hits: 1 },
  { name: 'a 64 MB body', fault: () => ({ kind: 'flood', bytes: 64 * MiB }), kind: 'too-large', hits: 1 },
  {
    name: 'a 307 to a foreign origin',
    fault: (_preset, foreign) => ({ kind: 'reply', status: 307, headers: { location: `${foreign}/collect` } }),
    kind: 'redirect',
    hits: 1,
  },
  { name: '429 with a Retry-After beyond the limit', fault: () => tooMany('120'), kind: 'http', hits: 1, waits: [] },
  { name: '429 twice with a short Retry-After', fault: () => tooMany('1'), kind: 'http', hits: 2, waits: [1000] },
  {
    name: 'a token holding CR/LF',
    fault: (preset) => ({ kind: 'rewrite', edit: (body) => edit(body, preset.token, (token) => `${String(token)}\r\nX-Injected: 1`) }),
    kind: 'bad-token',
    hits: 1,
  },
  { name: 'an absurd expiry', fault: (preset) => ({ kind: 'rewrite', edit: (body) => absurdExpiry(body, preset) }), kind: 'expiry', hits: 1 },
];

function tooMany(retryAfter: string): Fault {
  return { kind: 'reply', status: 429, headers: { 'content-type': 'application/json', 'retry-after': retryAfter }, body: '{"message":"Too many requests"}' };
}

/** `expires_in: 1e300` where the reply gives the expiry; a JWT with `exp: 1e20` where the token does. */
function absurdExpiry(body: unknown, preset: PresetCase): unknown {
  if (preset.expiry !== 'jwt') return edit(body, preset.expiry, () => 1e300);
  return edit(body, preset.token, (token) => {
    const [header, payload, signature] = String(token).split('.');
    const claims: unknown = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    return [header, Buffer.from(JSON.stringify({ ...(claims as object), exp: 1e20 })).toString('base64url'), signature].join('.');
  });
}

/** The reply with the value at `path` replaced; throws when the path is not there, so a case cannot pass vacuously. */
function edit(body: unknown, path: string[], change: (value: unknown) => unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return change(body);
  if (body === null || typeof body !== 'object' || !(key in body)) throw new Error(`reply has no ${path.join('.')}`);
  const record = body as Record<string, unknown>;
  return { ...record, [key]: edit(record[key], rest, change) };
}

/** Room over a limit for timers and loopback while the other cases run alongside. */
const SLACK_MS = 1000;

describe.concurrent.each(presets)('$id under faults', (preset) => {
  test.for(faults)('$name: ends as $kind, the previous token stays usable', async (fault, { expect, onTestFinished }) => {
    const emulator = await preset.start();
    onTestFinished(() => emulator.close());
    const front = await startFaultProxy(emulator.url);
    onTestFinished(() => front.close());
    const foreign = await startLocalServer((_req, res) => res.end('collected'));
    onTestFinished(() => foreign.close());

    const { providers, tokens, clipboard, log, waits } = tokenServices();
    const settings = fault.timeoutSeconds === undefined ? {} : { timeoutSeconds: fault.timeoutSeconds };
    const { id } = providers.create({ presetId: preset.id, name: preset.id, baseUrl: preset.baseUrl(front.url), values: preset.values, settings });

    await tokens.generate(id);
    const before = tokens.status(id);
    expect(before).toMatchObject({ state: 'valid', lastError: null });
    const previous = emulator.issued.at(-1)?.token ?? '';
    expect(await protectedStatus(emulator.url, previous)).toBe(200);

    front.arm(fault.fault(preset, foreign.url));
    const startedAt = performance.now();
    await tokens.generate(id);
    const elapsed = performance.now() - startedAt;

    const after = tokens.status(id);
    expect(after.lastError?.code).toBe(fault.kind);
    const message = after.lastError?.message ?? '';
    expect(message).not.toBe('');
    const issued = emulator.issued.flatMap((t) => [t.token, t.refreshToken ?? '']).filter(Boolean);
    for (const secret of [...preset.secrets, ...issued]) expect(message).not.toContain(secret);
    expect(front.faulted).toBe(fault.hits);
    expect(waits).toEqual(fault.waits ?? []);
    expect(elapsed).toBeLessThan((fault.timeoutSeconds === undefined ? DEFAULT_TIMEOUT_MS : fault.timeoutSeconds * 1000) + SLACK_MS);

    expect(after).toMatchObject({ state: 'valid', expiresAt: before.expiresAt, obtainedAt: before.obtainedAt });
    await expect(tokens.copy(id)).resolves.toEqual({ headerName: 'Authorization', label: 'Authorization' });
    expect(clipboard.written).toEqual([`Authorization: Bearer ${previous}`]);
    expect(await protectedStatus(emulator.url, previous)).toBe(200);
    // Copying used the token held: no request was made for it.
    expect(front.faulted).toBe(fault.hits);
    expect(log.lines).toEqual([]);
    expect(foreign.connections).toBe(0);
    // The 64 MB flood stops soon after the client's 1 MiB cap (socket buffers hold the rest).
    expect(front.floodedBytes).toBeLessThan(16 * MiB);
  });
});
