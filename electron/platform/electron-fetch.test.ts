import { describe, expect, it, vi } from 'vitest';

const net = vi.hoisted(() => ({ fetch: vi.fn<(input: Request, init?: RequestInit) => Promise<Response>>() }));
vi.mock('electron', () => ({ net }));

import { electronFetch } from './electron-fetch';

describe('electronFetch', () => {
  it('sends the request through net.fetch without cookies and returns the response as is', async () => {
    const response = new Response('{"access_token":"t"}', { status: 200 });
    net.fetch.mockResolvedValueOnce(response);
    const request = new Request('https://auth.example/token', { method: 'POST', body: 'grant_type=client_credentials' });
    expect(await electronFetch(request)).toBe(response);
    expect(net.fetch).toHaveBeenCalledExactlyOnceWith(request, { credentials: 'omit' });
  });

  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'ECONNREFUSED'],
    ['net::ERR_NAME_NOT_RESOLVED', 'ENOTFOUND'],
    ['net::ERR_CONNECTION_RESET', 'ECONNRESET'],
  ])('reports %s the way Node fetch does (cause.code %s)', async (message, code) => {
    net.fetch.mockRejectedValueOnce(new Error(message));
    const error = await electronFetch(new Request('https://auth.example/token')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toEqual({ code, message });
  });

  it('passes any other failure through unchanged (a timeout abort, a certificate error)', async () => {
    const failure = new Error('net::ERR_CERT_AUTHORITY_INVALID');
    net.fetch.mockRejectedValueOnce(failure);
    await expect(electronFetch(new Request('https://auth.example/token'))).rejects.toBe(failure);
  });
});
