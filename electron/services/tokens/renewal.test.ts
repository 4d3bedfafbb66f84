import { describe, expect, it } from 'vitest';
import { startHighlineEmulator, startTogaiEmulator } from '../../../e2e/emulators';
import { sendJson, startLocalServer } from '../testing/local-server';
import { manualTime } from '../testing/manual-time';
import { closeAfterEach, protectedStatus } from '../testing/node-ports';
import { tokenServices } from '../testing/token-services';

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
    await tokens.copyHeader(id);
    expect(await protectedStatus(emulator.url, clipboard.readText().replace('Authorization: Bearer ', ''))).toBe(200);
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
    expect(repository.current.tokens[id]).toBeUndefined();
  });
});
