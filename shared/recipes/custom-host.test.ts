import { describe, expect, it } from 'vitest';
import { customHost } from './custom-host';

describe('a custom host', () => {
  it('is a preset provider’s host that its preset does not document', () => {
    expect(customHost('togai', 'https://api.example.net')).toBe('api.example.net');
    expect(customHost('welkin', 'https://api.live.welkincloud.io:8443')).toBe('api.live.welkincloud.io:8443');
    expect(customHost('togai', 'http://127.0.0.1:4010')).toBe('127.0.0.1:4010');
  });

  it('is not flagged for the documented default and alternatives, an empty URL (the default) or one still being typed', () => {
    expect(customHost('togai', 'https://api.togai.com/')).toBeNull();
    expect(customHost('togai', 'https://sandbox-api.togai.com')).toBeNull();
    expect(customHost('welkin', 'https://api.stg.welkincloud.io')).toBeNull();
    expect(customHost('togai', '')).toBeNull();
    expect(customHost('togai', 'https://')).toBeNull();
  });

  it('is not flagged where each user has their own server, nor for custom recipes', () => {
    expect(customHost('xenioo', 'https://bots.example.net')).toBeNull();
    expect(customHost('oauth2-client-credentials', 'https://auth.example.net/token')).toBeNull();
    expect(customHost('custom', 'https://api.example.net')).toBeNull();
  });
});
