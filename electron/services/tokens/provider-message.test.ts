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
  it.each([
    [400, undefined, 'incomplete or malformed'],
    [401, undefined, 'Check the key and secret.'],
    [403, undefined, 'not allowed'],
    [404, undefined, 'Not found'],
    [429, undefined, 'Rate limited: wait a moment and retry.'],
    [429, 30, 'Rate limited: retry in 30 s.'],
    [502, undefined, 'try again later'],
    [418, undefined, 'Unexpected answer'],
  ] as const)('HTTP %i (retry after %s s)', (status, retryAfter, words) => {
    expect(statusHint(status, retryAfter)).toContain(words);
  });
});
