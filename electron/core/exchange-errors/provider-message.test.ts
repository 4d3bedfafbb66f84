import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../redaction/secret-registry';
import { bodyShape, errorPageText, oauthHint, oauthWords, providerMessage, statusHint } from './provider-message';

describe('providerMessage', () => {
  it.each([
    ['{message}', '{"message": "Invalid API key"}', 'Invalid API key'],
    ['{Message}', '{"Message": "Account not found"}', 'Account not found'],
    ['OAuth error with description', '{"error": "invalid_client", "error_description": "Unknown client"}', 'Unknown client (invalid_client)'],
    ['OAuth error alone', '{"error": "invalid_grant"}', 'invalid_grant'],
    ['error array', '[{"errorCode": "UNAUTHORIZED", "message": "Invalid secret"}]', 'Invalid secret (UNAUTHORIZED)'],
    ['errors list', '{"errors": [{"detail": "a"}, {"title": "b"}]}', 'a; b'],
    ['nested error object', '{"error": {"message": "quota exceeded"}}', 'quota exceeded'],
    ['a list of error strings', '{"errors": ["Invalid key", "Expired"]}', 'Invalid key; Expired'],
    ['whitespace, folded', '{"message": "  Service\\n\\tunavailable  "}', 'Service unavailable'],
  ])('reads %s', (_, text, expected) => {
    expect(providerMessage(text)).toBe(expected);
  });

  it.each([
    ['an empty body', '   '],
    ['an HTML error page', '<!DOCTYPE html><html><body>502</body></html>'],
    ['JSON without words', '{"status": 500, "ok": false}'],
    ['an empty array', '[]'],
    // A body that is only text may be the token itself (a provider answering 202 with it).
    ['plain text', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
    ['plain-text words', 'Service unavailable'],
    ['a bare JSON string', '"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"'],
    ['a top-level array of bare strings', '["tok_4f9a8b7c6d5e"]'],
    ['a key inherited from Object.prototype', '{"__proto__": {"message": "x"}}'],
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

describe('redaction before the words are folded and clipped', () => {
  const secrets = new SecretRegistry();
  const redact = (text: string) => secrets.redact(text);

  it.each([
    ['a tab', 'pass\tword-8d2f'],
    ['two spaces', 'pass  word-8d2f'],
    ['a line break', 'pass\nword-8d2f'],
  ])('catches a secret holding %s', (_, secret) => {
    secrets.add(secret);
    expect(providerMessage(JSON.stringify({ message: `Key ${secret} is unknown` }), redact)).toBe('Key [redacted] is unknown');
    expect(oauthWords({ code: 'invalid_client', description: `Bad secret ${secret}` }, redact)).toBe('Bad secret [redacted] (invalid_client)');
  });

  it('catches a secret the clip would have cut in two', () => {
    secrets.add('half one half two 77c1');
    const said = providerMessage(JSON.stringify({ message: `${'word '.repeat(58)}half one half two 77c1` }), redact) ?? '';
    expect(said).toMatch(/\[redacted\]$/);
    expect(said).not.toContain('half');
  });
});

describe('bodyShape', () => {
  it('names a body by its media type and size in bytes', () => {
    expect(bodyShape('tök', 'text/plain; charset=utf-8')).toBe('4 bytes of text/plain');
    expect(bodyShape('x', 'Application/JSON')).toBe('1 byte of application/json');
  });

  it.each([
    ['no content type', null],
    ['an empty one', ''],
    ['one that is not a media type', 'the token is abc123'],
    ['an oversized one', `text/${'x'.repeat(100)}`],
  ])('says "an unnamed type" for %s', (_, type) => {
    expect(bodyShape('abc', type)).toBe('3 bytes of an unnamed type');
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
