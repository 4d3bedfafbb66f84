import { describe, expect, it, vi } from 'vitest';

const net = vi.hoisted(() => ({ fetch: vi.fn<(input: string, init?: RequestInit) => Promise<Response>>() }));
vi.mock('electron', () => ({ net }));

import { electronFetch } from './electron-fetch';

describe('electronFetch', () => {
  it('sends the request through net.fetch without cookies, never following redirects, and returns the response as is', async () => {
    const response = new Response('{"access_token":"t"}', { status: 200 });
    net.fetch.mockResolvedValueOnce(response);
    const signal = AbortSignal.timeout(15_000);
    const request = new Request('https://auth.example/token', { method: 'POST', body: 'grant_type=client_credentials', redirect: 'manual', signal });
    expect(await electronFetch(request)).toBe(response);
    const [url, init] = net.fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://auth.example/token');
    expect(init).toMatchObject({ method: 'POST', redirect: 'manual', credentials: 'omit' });
    expect(init?.signal?.aborted).toBe(false);
    expect(new TextDecoder().decode(init?.body as ArrayBuffer)).toBe('grant_type=client_credentials');
  });

  it('sends a multipart body whole, with its boundary in the content type', async () => {
    net.fetch.mockResolvedValueOnce(new Response('{}'));
    const form = new FormData();
    form.append('REFRESH_TOKEN', 'botlhale-key');
    await electronFetch(new Request('https://api.botlhale.xyz/generateAuthToken', { method: 'POST', body: form }));
    const init = net.fetch.mock.calls.at(-1)?.[1];
    const type = new Headers(init?.headers).get('content-type') ?? '';
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const text = new TextDecoder().decode(init?.body as ArrayBuffer);
    expect(text).toContain('name="REFRESH_TOKEN"');
    expect(text).toContain(type.split('boundary=')[1] ?? '?');
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
