import { describe, expect, it, vi } from 'vitest';

const { net, session } = vi.hoisted(() => {
  const net = { fetch: vi.fn<(input: string, init?: RequestInit & { bypassCustomProtocolHandlers?: boolean }) => Promise<Response>>() };
  // The token session's fetch; `net` itself (the default, on-disk session) must never be used.
  const tokens = { fetch: vi.fn<typeof net.fetch>() };
  return { net, session: { fromPartition: vi.fn((_partition: string) => tokens), tokens } };
});
vi.mock('electron', () => ({ net: { fetch: net.fetch }, session }));

import { electronFetch, TOKEN_PARTITION } from './electron-fetch';
import { Cancel } from '../core/http/cancel-signal';

const sent = session.tokens.fetch;

describe('electronFetch', () => {
  it('sends the request through its own session without cache or cookies, never following redirects, and returns the response as is', async () => {
    const response = new Response('{"access_token":"t"}', { status: 200 });
    sent.mockResolvedValueOnce(response);
    const signal = AbortSignal.timeout(15_000);
    expect(await electronFetch('https://auth.example/token', { method: 'POST', body: 'grant_type=client_credentials', redirect: 'manual', signal })).toBe(response);
    const [url, init] = sent.mock.calls[0] ?? [];
    expect(url).toBe('https://auth.example/token');
    expect(init).toMatchObject({ method: 'POST', redirect: 'manual', cache: 'no-store', credentials: 'omit', bypassCustomProtocolHandlers: true });
    expect(init?.signal?.aborted).toBe(false);
    expect(new TextDecoder().decode(init?.body as ArrayBuffer)).toBe('grant_type=client_credentials');
  });

  it('hands Chromium an AbortSignal that follows the core’s cancel', async () => {
    sent.mockResolvedValueOnce(new Response('{}'));
    const cancel = new Cancel();
    await electronFetch('https://auth.example/token', { signal: cancel });
    const signal = sent.mock.calls.at(-1)?.[1]?.signal;
    expect(signal?.aborted).toBe(false);
    cancel.abort(new Error('the provider was edited'));
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toEqual(new Error('the provider was edited'));
  });

  it('uses one in-memory session for every token request, never the default one', async () => {
    sent.mockResolvedValue(new Response('{}'));
    await electronFetch('https://auth.example/token', {});
    await electronFetch('https://auth.example/token', {});
    expect(TOKEN_PARTITION).not.toMatch(/^persist:/);
    expect(TOKEN_PARTITION).not.toBe('');
    expect(session.fromPartition.mock.calls.map(([partition]) => partition)).toEqual([TOKEN_PARTITION]);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('sends a multipart body whole, with its boundary in the content type', async () => {
    sent.mockResolvedValueOnce(new Response('{}'));
    const form = new FormData();
    form.append('REFRESH_TOKEN', 'botlhale-key');
    await electronFetch('https://api.botlhale.xyz/generateAuthToken', { method: 'POST', body: form });
    const init = sent.mock.calls.at(-1)?.[1];
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
    sent.mockRejectedValueOnce(new Error(message));
    const error = await electronFetch('https://auth.example/token', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toEqual({ code, message });
  });

  it('passes any other failure through unchanged (a timeout abort, a certificate error)', async () => {
    const failure = new Error('net::ERR_CERT_AUTHORITY_INVALID');
    sent.mockRejectedValueOnce(failure);
    await expect(electronFetch('https://auth.example/token', {})).rejects.toBe(failure);
  });
});
