import { describe, expect, it } from 'vitest';
import { errorPageText, oauthHint, oauthWords, providerMessage, statusHint } from './provider-message';

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

describe('oauthHint', () => {
  it.each([
    ['invalid_client', ['Client ID', 'Client secret', 'Client authentication', 'HTTP Basic', 'request body']],
    ['invalid_scope', ['Scope field', 'space-separated']],
    ['invalid_target', ['resource', 'Audience field']],
    ['unauthorized_client', ['not allowed', 'client credentials grant']],
    ['unsupported_grant_type', ['Token URL', 'client credentials']],
    ['invalid_grant', ['refresh token', 'generate a new token']],
    ['invalid_request', ['malformed', 'both as HTTP Basic and in the body', 'Token URL']],
  ])('%s names what to check', (code, words) => {
    const hint = oauthHint(code) ?? '';
    for (const word of words) expect(hint).toContain(word);
  });

  it('has nothing for other codes, including Object.prototype names', () => {
    for (const code of ['invalid_token', 'temporarily_unavailable', 'constructor', '__proto__', 'toString', 'INVALID_CLIENT']) {
      expect(oauthHint(code)).toBeUndefined();
    }
  });

  it('gives each code its own hint', () => {
    const codes = ['invalid_client', 'invalid_scope', 'invalid_target', 'unauthorized_client', 'unsupported_grant_type', 'invalid_grant', 'invalid_request'];
    expect(new Set(codes.map(oauthHint)).size).toBe(codes.length);
  });
});

describe('oauthWords', () => {
  it('words an OAuth error the way providerMessage words a body', () => {
    expect(oauthWords({ code: 'invalid_client', description: 'Client authentication failed' })).toBe('Client authentication failed (invalid_client)');
    expect(oauthWords({ code: 'invalid_client' })).toBe('invalid_client');
    expect(oauthWords({ code: 'x', description: 'two\nlines' })).toBe('two lines (x)');
  });
});

describe('errorPageText', () => {
  it('shows an http(s) address as text, origin and path only', () => {
    expect(errorPageText('https://auth.example.com/docs/errors#invalid_client')).toBe('https://auth.example.com/docs/errors');
    expect(errorPageText(' http://localhost:8000/help ')).toBe('http://localhost:8000/help');
  });

  it('never shows a query or fragment that may echo a value, nor an address the parser rewrote', () => {
    expect(errorPageText('https://auth.example.com/e?client_secret=oauth secret+Zr8/Yu1')).toBe('https://auth.example.com/e');
    expect(errorPageText('https://auth.example.com/e#oauth secret')).toBe('https://auth.example.com/e');
    // The parser lower-cases the host and encodes the space: shown, neither would match the secret.
    expect(errorPageText('https://Secret-Host.example.com/a b')).toBeUndefined();
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<b>x</b>'],
    ['a relative path', '/docs/errors'],
    ['credentials in the URL', 'https://user:pass@auth.example.com/docs'],
    ['an oversized value', `https://auth.example.com/${'a'.repeat(3000)}`],
  ])('shows nothing for %s', (_, raw) => {
    expect(errorPageText(raw)).toBeUndefined();
  });

  it('cuts a long address at a boundary, so an echoed value is shown whole or not at all', () => {
    const echoed = 'sk_live_51HxQ2eZvKYlo2C0aIuGx';
    const page = errorPageText(`https://auth.example.com/${'docs/'.repeat(34)}errors?secret=${echoed}`) ?? '';
    expect(page.length).toBeLessThanOrEqual(201);
    expect(page.endsWith('/…')).toBe(true);
    expect(page).not.toContain('sk_');
    expect(errorPageText(`https://auth.example.com/${'x'.repeat(300)}`)).toBe('https://auth.example.com/…');
  });
});
