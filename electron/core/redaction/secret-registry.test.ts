import { describe, expect, it } from 'vitest';
import { SecretRegistry } from './secret-registry';

function registry(...secrets: string[]): SecretRegistry {
  const registry = new SecretRegistry();
  registry.add(...secrets);
  return registry;
}

/** Characters every encoding treats differently: `/`, `+`, `?`, `~`, a space, non-ASCII. */
const SECRET = 'sk/live+ab?c~d é>>>';
const bytes = Buffer.from(SECRET);

describe('a secret in any encoding', () => {
  const forms: [string, string][] = [
    ['as is', SECRET],
    ['upper-case percent-encoding', encodeURIComponent(SECRET)],
    ['lower-case percent-encoding', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['form encoding', new URLSearchParams({ v: SECRET }).toString().slice(2)],
    ['percent-encoding of only some characters', 'sk%2Flive%2bab?c~d%20%C3%A9>>>'],
    ['JSON with \\/ escapes', JSON.stringify(SECRET).slice(1, -1).replaceAll('/', '\\/')],
    ['JSON with every non-ASCII character as \\u', 'sk/live+ab?c~d \\u00e9>>>'],
    ['JSON with HTML characters as \\u (Go)', 'sk/live+ab?c~d é\\u003e\\u003E\\u003e'],
    ['base64', bytes.toString('base64')],
    ['unpadded base64', bytes.toString('base64').replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
    ['lower-case hex', bytes.toString('hex')],
    ['upper-case hex', bytes.toString('hex').toUpperCase()],
    ['upper case', SECRET.toUpperCase()],
  ];

  it.each(forms)('is redacted written %s', (_, form) => {
    expect(registry(SECRET).redact(`error: ${form} was refused`)).toBe('error: [redacted] was refused');
  });

  it('the encodings above really differ from one another', () => {
    expect(new Set(forms.map(([, form]) => form)).size).toBe(forms.length);
  });
});

describe('whitespace inside a secret', () => {
  it.each([
    ['a tab', 'pass\tword-1234'],
    ['two spaces', 'pass  word-1234'],
    ['a line break', 'pass\nword-1234'],
  ])('is matched as written, with %s', (_, secret) => {
    expect(registry(secret).redact(`said ${secret}.`)).toBe('said [redacted].');
    expect(registry(secret).redact(`{"message":${JSON.stringify(secret)}}`)).toBe('{"message":"[redacted]"}');
  });
});

describe('secrets under four characters', () => {
  it.each([
    ['the whole text', 'a1Z', '[redacted]'],
    ['the whole text, padded', '  a1Z\n', '  [redacted]\n'],
    ['a JSON string value', '{"key":"a1Z"}', '{"key":"[redacted]"}'],
    ['a nested JSON string value', '"{\\"key\\":\\"a1Z\\"}"', '"{\\"key\\":\\"[redacted]\\"}"'],
    ['a quoted echo', "Key 'a1Z' is unknown", "Key '[redacted]' is unknown"],
    ['a query value', 'GET /token?key=a1Z&x=1', 'GET /token?key=[redacted]&x=1'],
    ['a form value at the end', 'key=a1Z', 'key=[redacted]'],
    ['a header-style value', 'api key: a1Z, tenant: t', 'api key: [redacted], tenant: t'],
    ['a percent-encoded value', 'key=a%31Z', 'key=[redacted]'],
  ])('is redacted as %s', (_, text, expected) => {
    expect(registry('a1Z').redact(text)).toBe(expected);
  });

  it('leaves ordinary words and numbers that merely spell it alone', () => {
    const text = 'Check the key and secret. (HTTP 401) keys: 4012 abc key1';
    expect(registry('key', '401', 'abc').redact(text)).toBe(text);
  });
});

describe('the registry', () => {
  it('redacts the longer of two overlapping secrets whole', () => {
    expect(registry('token-abcd', 'token-abcd-efgh').redact('got token-abcd-efgh and token-abcd')).toBe('got [redacted] and [redacted]');
  });

  it('forgets everything when cleared', () => {
    const secrets = registry('token-abcd');
    secrets.clear();
    expect(secrets.redact('token-abcd')).toBe('token-abcd');
  });

  it('treats regular-expression characters in a secret literally', () => {
    expect(registry('a.b*c(d)').redact('a.b*c(d) axbbbcd')).toBe('[redacted] axbbbcd');
  });
});

describe('a value released', () => {
  it('forgets a value once every add of it is released, and keeps one something else still holds', () => {
    const secrets = new SecretRegistry();
    secrets.add('tok-old-1234', 'shared-value-99');
    secrets.add('shared-value-99');
    secrets.release('tok-old-1234', 'shared-value-99');
    expect(secrets.isSecret('tok-old-1234')).toBe(false);
    expect(secrets.redact('x tok-old-1234 y')).toBe('x tok-old-1234 y');
    expect(secrets.isSecret('shared-value-99')).toBe(true);
    expect(secrets.redact('x shared-value-99 y')).toBe('x [redacted] y');
    secrets.release('shared-value-99', 'never-added-1', undefined);
    expect(secrets.isSecret('shared-value-99')).toBe(false);
  });
});
