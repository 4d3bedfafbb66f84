import { describe, expect, it } from 'vitest';
import { startWelkinEmulator, type WelkinEmulatorOptions } from '../../../../e2e/emulators';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure } from '../../../test-support/node-ports';

const started = closeAfterEach();
const CLIENT = { tenant: 'gh', clientName: 'VBOPNRYRWJIP', secret: '+}B{KGTG6#zG%P;tQm0C' };

async function setup(options: Partial<WelkinEmulatorOptions> = {}) {
  const emulator = await started(startWelkinEmulator({ ...CLIENT, ...options }));
  const { engine } = testEngine();
  const job = (values: Partial<Record<'tenant' | 'apiClient' | 'secret', string>> = {}) =>
    presetJob('welkin', emulator.url, { tenant: CLIENT.tenant, apiClient: CLIENT.clientName, secret: CLIENT.secret, ...values });
  return { emulator, engine, job };
}

describe('Welkin preset against its emulator', () => {
  it('posts the secret to /{tenant}/admin/api_clients/{client} and reads the JWT exp', async () => {
    const { emulator, engine, job } = await setup();
    const grant = await engine.obtain('p1', job());

    const issued = emulator.issued.at(-1);
    expect(grant.token).toBe(issued?.token);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(emulator.requests[0]?.path).toBe('/gh/admin/api_clients/VBOPNRYRWJIP');
    expect(JSON.parse(emulator.requests[0]?.body ?? '')).toEqual({ secret: CLIENT.secret });
    expect(grant.expirySource).toBe('JWT exp');
    expect(Math.abs((grant.expiresAt ?? 0) - (issued?.expiresAt ?? 0))).toBeLessThanOrEqual(1000);
  });

  it('accepts 200 as well as the documented 201', async () => {
    const { emulator, engine, job } = await setup({ successStatus: 200 });
    const grant = await engine.obtain('p1', job());
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
  });

  it('URL-encodes tenant and client so they stay one path segment each', async () => {
    const { emulator, engine, job } = await setup({ tenant: 'acme/eu', clientName: 'client one' });
    const grant = await engine.obtain('p1', job({ tenant: 'acme/eu', apiClient: 'client one' }));
    expect(emulator.requests[0]?.path).toBe('/acme%2Feu/admin/api_clients/client%20one');
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
  });

  it('shows the message from Welkin\'s error array for a wrong secret', async () => {
    const { engine, job } = await setup();
    const error = await tokenFailure(engine.obtain('p1', job({ secret: 'wrong' })), 'http');
    expect(error.message).toBe('Welkin said: "Invalid API client secret (UNAUTHORIZED)" (HTTP 401). Check the key and secret.');
  });

  it('shows the message from Welkin\'s error array for an unknown tenant', async () => {
    const { engine, job } = await setup();
    const error = await tokenFailure(engine.obtain('p1', job({ tenant: 'nope' })), 'http');
    expect(error.message).toContain('Welkin said: "Tenant or API client not found (NOT_FOUND)" (HTTP 404).');
  });

  it('refuses a token from a disabled client with the words to fix it', async () => {
    const { emulator, engine, job } = await setup({ disabled: true });
    const error = await tokenFailure(engine.obtain('p1', job()), 'disabled');
    expect(error.message).toBe('Welkin says this API client is disabled. Enable it in the Welkin Admin app, then try again.');
    expect(emulator.issued).toHaveLength(1);
  });

  it('reports a reply that is not JSON as unreadable', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(201, 'created');
    await tokenFailure(engine.obtain('p1', job()), 'unreadable');
  });
});
