import { describe, expect, it } from 'vitest';
import { providerMessage, statusHint } from './provider-message';

describe('providerMessage', () => {
  it.each([
    ['{message}', '{"message": "Invalid API key"}', 'Invalid API key'],
    ['{Message}', '{"Message": "Account not found"}', 'Account not found'],
    ['OAuth error with description', '{"error": "invalid_client", "error_description": "Unknown client"}', 'Unknown client (invalid_client)'],
    ['OAuth error alone', '{"error": "invalid_grant"}', 'invalid_grant'],
    ['error array', '[{"errorCode": "UNAUTHORIZED", "message": "Invalid secret"}]', 'Invalid secret (UNAUTHORIZED)'],
    ['errors list', '{"errors": [{"detail": "a"}, {"title": "b"}]}', 'a; b'],
    ['nested error object', '{"error": {"message": "quota exceeded"}}', 'quota exceeded'],
    ['JSON string', '"Bad request"', 'Bad request'],
    ['plain text, whitespace folded', '  Service\n\tunavailable  ', 'Service unavailable'],
  ])('reads %s', (_, text, expected) => {
    expect(providerMessage(text)).toBe(expected);
  });

  it.each([
    ['an empty body', '   '],
    ['an HTML error page', '<!DOCTYPE html><html><body>502</body></html>'],
    ['JSON without words', '{"status": 500, "ok": false}'],
    ['an empty array', '[]'],
  ])('says nothing for %s', (_, text) => {
    expect(providerMessage(text)).toBeUndefined();
  });

  it('cuts a long message between words, never inside one', () => {
    const secret = 'sk_live_4f9a8b7c6d5e';
    const said = providerMessage(JSON.stringify({ message: `${'word '.repeat(58)}abcd ${secret} and more words` })) ?? '';
    expect(said.endsWith('abcd…')).toBe(true);
    expect(said.length).toBeLessThanOrEqual(301);
    expect(said).not.toContain('sk_');
    expect(providerMessage('x'.repeat(400))).toBeUndefined();
  });
});

describe('statusHint', () => {
  const now = Date.UTC(2025, 0, 1);
  it.each([
    [400, null, 'incomplete or malformed'],
    [401, null, 'Check the key and secret.'],
    [403, null, 'not allowed'],
    [404, null, 'Not found'],
    [429, null, 'Rate limited: wait a moment and retry.'],
    [429, '30', 'Rate limited: retry in 30 s.'],
    [429, new Date(now + 90_000).toUTCString(), 'Rate limited: retry in 90 s.'],
    [502, null, 'try again later'],
    [418, null, 'Unexpected answer'],
  ] as const)('HTTP %i (Retry-After %s)', (status, retryAfter, words) => {
    expect(statusHint(status, retryAfter, now)).toContain(words);
  });
});
