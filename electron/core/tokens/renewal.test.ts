import { describe, expect, it } from 'vitest';
import { startHighlineEmulator, startTogaiEmulator } from '../../../e2e/emulators';
import { sendJson, startLocalServer } from '../../test-support/local-server';
import { manualTime } from '../../test-support/manual-time';
import { closeAfterEach, protectedStatus } from '../../test-support/node-ports';
import { tokenServices } from '../../test-support/token-services';

const started = closeAfterEach();
const API_KEY = 'tg_renewal_Q7mZp2Lx';
const S = 1000;

/** Togai (tokens minted on the test's clock) with services whose renewal timers the test fires. */
async function togaiWithRenewal(lifetimeSeconds: number) {
  const time = manualTime();
  const emulator = await started(startTogaiEmulator({ apiKey: API_KEY, now: time.clock.now, lifetimeSeconds }));
  const services = tokenServices(time.clock, { schedule: time.schedule });
  const { id } = services.providers.create({ presetId: 'togai', name: 'Billing', baseUrl: emulator.url, values: { apiKey: API_KEY } });
  /** Advances the clock second by second, letting each renewal's request finish; `check` runs after every step. */
  const runFor = async (ms: number, check?: () => void) => {
    const end = time.clock.now() + ms;
    while (time.clock.now() < end) {
      await time.advanceTo(time.clock.now() + S);
      await expect.poll(() => services.renewal.view(id).state, { interval: 1 }).not.toBe('renewing');
      check?.();
    }
  };
  return { time, emulator, ...services, id, runFor };
}

describe('automatic renewal', () => {
  it('a provider issuing 20-second tokens gets one request per 15 s or more, and the token never lapses', async () => {
    const { emulator, tokens, clipboard, id, runFor, time } = await togaiWithRenewal(20);
    await tokens.generate(id);
    await runFor(10 * 60 * S, () => {
      expect(tokens.status(id)).toMatchObject({ state: 'valid', lastError: null });
      expect(Date.parse(tokens.status(id).expiresAt ?? '')).toBeGreaterThan(time.clock.now());
    });

    const gaps = emulator.tokenRequestTimes.slice(1).map((at, i) => at - (emulator.tokenRequestTimes[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(15 * S);
    expect(emulator.tokenRequests).toBeLessThanOrEqual(41);
    expect(emulator.tokenRequests).toBeGreaterThanOrEqual(30);
    await tokens.copy(id);
    expect(await protectedStatus(emulator.url, (await clipboard.readText()).replace('Authorization: Bearer ', ''))).toBe(200);
  });

  it('a token another process renewed replaces the plan made for the old one: the provider is not asked twice', async () => {
    const { emulator, tokens, renewal, repository, id, time } = await togaiWithRenewal(3600);
    await tokens.generate(id);
    const planned = renewal.view(id).nextAt ?? NaN;
    await time.advanceTo(planned - 60 * S);
    // The other process's record, as a reload of the token cache brings it.
    const theirs = repository.token(id);
    if (!theirs) throw new Error('no token');
    repository.putToken(id, { ...theirs, obtainedAt: time.clock.now(), expiresAt: time.clock.now() + 3600 * S });
    renewal.tokensReplaced();
    expect(renewal.view(id).nextAt).toBeGreaterThan(planned);
    await time.advanceTo(planned + 60 * S);
    expect(emulator.tokenRequests).toBe(1);
  });

  it('a provider failing for 30 s is renewed once it recovers, before the token expires, without the user', async () => {
    const { emulator, tokens, renewal, id, runFor, time } = await togaiWithRenewal(3600);
    await tokens.generate(id);
    const first = emulator.issued.at(-1);
    const renewAt = renewal.view(id).nextAt ?? NaN;
    await time.advanceTo(renewAt - S);
    emulator.failUntil(renewAt + 30 * S, 503, { message: 'Service temporarily unavailable' });

    await runFor(5 * S);
    expect(tokens.status(id)).toMatchObject({
      state: 'valid',
      renewal: { state: 'retrying', attempt: expect.any(Number) },
      lastError: { code: 'http', message: expect.stringContaining('Service temporarily unavailable') },
    });
    await runFor(90 * S);
    expect(tokens.status(id)).toMatchObject({ state: 'valid', lastError: null, renewal: { state: 'scheduled' } });
    expect(emulator.issued.at(-1)?.expiresAt).toBeGreaterThan(first?.expiresAt ?? Infinity);
    expect(emulator.tokenRequests).toBeLessThanOrEqual(8);
    expect(time.clock.now()).toBeLessThan(first?.expiresAt ?? 0);
  });

  it('a 401 stops renewal with the reason; nothing more is sent until the user acts', async () => {
    const { emulator, tokens, renewal, id, runFor, time } = await togaiWithRenewal(60);
    await tokens.generate(id);
    emulator.failUntil(Infinity, 401, { message: 'Invalid API key' });
    await runFor(10 * 60 * S);
    expect(emulator.tokenRequests).toBe(2);
    expect(tokens.status(id)).toMatchObject({
      renewal: { state: 'stopped', reason: expect.stringMatching(/refused the credentials \(HTTP 401\)/) },
      lastError: { code: 'http' },
    });
    expect(time.pendingAt()).toEqual([]);
    expect(renewal.view(id).nextAt).toBeNull();
  });

  it('a token that lives only seconds is accepted once and flagged, never looped on', async () => {
    const { emulator, tokens, id, runFor } = await togaiWithRenewal(5);
    await tokens.generate(id);
    await runFor(60 * S);
    expect(emulator.tokenRequests).toBe(1);
    expect(tokens.status(id).renewal).toMatchObject({ state: 'stopped', reason: expect.stringMatching(/lives only 5 s/) });
  });

  it('pauses while the vault is locked and resumes on unlock', async () => {
    const time = manualTime();
    let unlocked = true;
    const emulator = await started(startTogaiEmulator({ apiKey: API_KEY, now: time.clock.now, lifetimeSeconds: 60 }));
    const { providers, tokens, renewal } = tokenServices(time.clock, { schedule: time.schedule, unlocked: () => unlocked });
    const { id } = providers.create({ presetId: 'togai', name: 'Billing', baseUrl: emulator.url, values: { apiKey: API_KEY } });
    await tokens.generate(id);
    unlocked = false;
    renewal.plan();
    expect(tokens.status(id).renewal).toMatchObject({ state: 'paused', reason: expect.stringMatching(/unlocked/) });
    await time.advanceTo(time.clock.now() + 50 * S);
    expect(emulator.tokenRequests).toBe(1);
    unlocked = true;
    renewal.resume();
    await time.advanceTo(time.clock.now());
    await expect.poll(() => emulator.tokenRequests).toBe(2);
  });
});

describe('requests bound to the provider state they started from', () => {
  it('an edit while a request is in flight discards its reply, and the new server never sees the old refresh token', async () => {
    const held: { answer?: () => void } = {};
    const oldServer = await started(
      startLocalServer((_req, res) => {
        held.answer = () =>
          sendJson(res, 200, { access_token: 'old-access-token', refresh_token: 'old-refresh-token-9f2', subject: 'old-subject', expires_in: Math.floor(Date.now() / 1000) + 900 });
      }),
    );
    const highline = await started(startHighlineEmulator({ apiKey: 'hl-new-key', secret: 'hl-new-secret' }));
    const { providers, tokens, id } = (() => {
      const services = tokenServices();
      const created = services.providers.create({ presetId: 'highline', name: 'Highline', baseUrl: oldServer.url, values: { apiKey: 'hl-old-key', secret: 'hl-old-secret' } });
      return { ...services, id: created.id };
    })();

    const inFlight = tokens.generate(id);
    await expect.poll(() => held.answer).toBeDefined();
    providers.update({ id, baseUrl: highline.url, values: { apiKey: 'hl-new-key', secret: 'hl-new-secret' } });
    held.answer?.();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });

    expect(tokens.status(id)).toMatchObject({ state: 'none', lastError: null });
    expect(highline.tokenRequests).toBe(0);
    await tokens.generate(id);
    expect(highline.requests.map((r) => r.body).join('\n')).not.toContain('old-refresh-token-9f2');
    expect(highline.refreshCount).toBe(0);
    expect(tokens.status(id).state).toBe('valid');
  });

  it('removing a provider aborts its request: the connection is dropped and nothing is stored', async () => {
    const server = await started(startLocalServer(() => undefined));
    const { providers, tokens, repository } = tokenServices();
    const { id } = providers.create({ presetId: 'togai', name: 'Billing', baseUrl: server.url, values: { apiKey: API_KEY } });
    const inFlight = tokens.generate(id);
    await expect.poll(() => server.requests.length).toBe(1);
    providers.remove(id);
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(repository.token(id)).toBeUndefined();
  });
});

describe('renewal against awkward providers and machines', () => {
  it('a provider that re-issues its cached token is asked again when that token expires, not in a shrinking loop', async () => {
    const time = manualTime();
    let expiresAt = 0;
    let issued = 0;
    // Highline-shaped replies whose token (and absolute expiry) change only once the old one ran out.
    const server = await started(
      startLocalServer((_req, res) => {
        if (time.clock.now() >= expiresAt) {
          issued += 1;
          expiresAt = time.clock.now() + 3600 * S;
        }
        sendJson(res, 200, { access_token: `cached-token-${issued}`, refresh_token: 'rt-1', subject: 'sub', expires_in: expiresAt / 1000 });
      }),
    );
    const { providers, tokens, renewal } = tokenServices(time.clock, { schedule: time.schedule });
    const { id } = providers.create({ presetId: 'highline', name: 'Cached', baseUrl: server.url, values: { apiKey: 'hl-key-1', secret: 'hl-secret-1' } });
    await tokens.generate(id);
    const end = time.clock.now() + 3 * 3600 * S;
    let lapsedMs = 0;
    while (time.clock.now() < end) {
      await time.advanceTo(time.clock.now() + 10 * S);
      await expect.poll(() => renewal.view(id).state, { interval: 1 }).not.toBe('renewing');
      if (Date.parse(tokens.status(id).expiresAt ?? '') <= time.clock.now()) lapsedMs += 10 * S;
      expect(renewal.view(id).state).not.toBe('stopped');
    }
    expect(issued).toBeGreaterThanOrEqual(3);
    expect(server.requests.length).toBeLessThanOrEqual(2 * issued + 1);
    expect(lapsedMs).toBeLessThanOrEqual(3 * 10 * S);
  });

  it('after the machine sleeps through the planned renewal, the token is renewed within a minute of waking', async () => {
    const { emulator, tokens, time, id } = await togaiWithRenewal(3600);
    await tokens.generate(id);
    await time.advanceTo(time.clock.now() + 10 * 60 * S);
    time.suspend(45 * 60 * S);
    await time.advanceTo(time.clock.now() + 60 * S);
    await expect.poll(() => Date.parse(tokens.status(id).expiresAt ?? '')).toBeGreaterThan(time.clock.now() + 50 * 60 * S);
    expect(emulator.tokenRequests).toBe(2);
  });

  it('a renewal and a click sharing one failed request count as one failed attempt', async () => {
    const { emulator, tokens, renewal, id, time } = await togaiWithRenewal(3600);
    await tokens.generate(id);
    emulator.failUntil(Infinity, 503, { message: 'down' });
    await time.advanceTo((renewal.view(id).nextAt ?? 0) - 1);
    const click = tokens.generate(id);
    const [outcome] = await Promise.all([click, tokens.generate(id, 'renewal')]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'http' } });
    expect(emulator.tokenRequests).toBe(2);
    expect(renewal.view(id)).toMatchObject({ state: 'retrying', attempt: 1 });
  });

  it('a token that arrives already expired cannot be copied, and the refusal points at the clock', async () => {
    // A JWT whose exp lies in the past (a provider, or this machine, with a wrong clock).
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const stale = `${part({ alg: 'HS256' })}.${part({ exp: Math.floor(Date.now() / 1000) - 3600 })}.c2ln`;
    const server = await started(startLocalServer((_req, res) => sendJson(res, 200, { token: stale })));
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'togai', name: 'Skewed', baseUrl: server.url, values: { apiKey: API_KEY } });
    await expect(tokens.copy(id)).rejects.toThrow(/already expired when it arrived; check this computer's clock/);
  });
});
