import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate, type Challenge } from './www-authenticate';

/** Challenges as plain objects, so expectations read like the header. */
const parsed = (header: string | null | undefined) =>
  parseWwwAuthenticate(header).map((c: Challenge) => ({ scheme: c.scheme, params: Object.fromEntries(c.params), ...(c.token68 ? { token68: c.token68 } : {}) }));

describe('parseWwwAuthenticate', () => {
  it('reads an RFC 6750 §3 error challenge', () => {
    expect(parsed('Bearer realm="x", error="invalid_client", error_description="Client authentication failed"')).toEqual([
      { scheme: 'bearer', params: { realm: 'x', error: 'invalid_client', error_description: 'Client authentication failed' } },
    ]);
  });

  it('reads the RFC 9110 §11.6.1 example: two challenges, escapes, token values, no space after commas', () => {
    expect(parsed('Newauth realm="apps", type=1,title="Login to \\"apps\\"", Basic realm="simple"')).toEqual([
      { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'basic', params: { realm: 'simple' } },
    ]);
  });

  it('lower-cases schemes and parameter names, keeps values as sent, lets the first repeat win', () => {
    expect(parsed('BEARER Error = "Invalid_Client", ERROR="second"')).toEqual([{ scheme: 'bearer', params: { error: 'Invalid_Client' } }]);
  });

  it('reads bare schemes, token68 credentials and empty list elements', () => {
    expect(parsed(' , Basic,Negotiate abc/+_-.~==, , Bearer error=invalid_token')).toEqual([
      { scheme: 'basic', params: {} },
      { scheme: 'negotiate', params: {}, token68: 'abc/+_-.~==' },
      { scheme: 'bearer', params: { error: 'invalid_token' } },
    ]);
  });

  it('gives nothing for an absent, empty or oversized header', () => {
    expect(parsed(null)).toEqual([]);
    expect(parsed(undefined)).toEqual([]);
    expect(parsed('')).toEqual([]);
    expect(parsed(`Bearer error="invalid_client", x="${'a'.repeat(9000)}"`)).toEqual([]);
  });

  it.each([
    ['an unterminated quoted string', 'Bearer realm="x", error="invalid_client', { realm: 'x' }],
    ['a control character inside quotes', 'Bearer realm="x", error="bad\u0000code"', { realm: 'x' }],
    ['an escape at the very end', 'Bearer realm="x", error="abc\\', { realm: 'x' }],
    ['junk after a value', 'Bearer realm="x" junk, error="invalid_client"', { realm: 'x' }],
    ['a parameter without a value', 'Bearer realm="x", error=, error_description="y"', { realm: 'x' }],
  ])('stops at %s, keeping what came before', (_, header, params) => {
    expect(parsed(header)).toEqual([{ scheme: 'bearer', params }]);
  });

  it('stops at a scheme that is not a token', () => {
    expect(parsed('Basic realm="a", "quoted" realm="b"')).toEqual([{ scheme: 'basic', params: { realm: 'a' } }]);
    expect(parsed('=Bearer')).toEqual([]);
  });

  it('treats names such as __proto__ and constructor as plain names', () => {
    const [challenge] = parseWwwAuthenticate('Bearer __proto__="polluted", constructor="x", error="invalid_client"');
    expect(challenge?.params.get('__proto__')).toBe('polluted');
    expect(challenge?.params.get('error')).toBe('invalid_client');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('caps the number of challenges and parameters', () => {
    expect(parseWwwAuthenticate(Array.from({ length: 40 }, (_, i) => `S${i}`).join(', '))).toHaveLength(16);
    const many = Array.from({ length: 40 }, (_, i) => `p${i}="v"`).join(', ');
    expect(parseWwwAuthenticate(`Bearer ${many}`)[0]?.params.size).toBe(32);
  });

  it('reads long runs of separators, escapes and padding to a sensible end', () => {
    expect(parsed(`Bearer ${','.repeat(8000)}`)).toEqual([{ scheme: 'bearer', params: {} }]);
    expect(parsed(`Negotiate ${'='.repeat(8000)}`)).toEqual([{ scheme: 'negotiate', params: {} }]);
    expect(parsed(`Bearer a="${'\\"'.repeat(2000)}"`)).toEqual([{ scheme: 'bearer', params: { a: '"'.repeat(2000) } }]);
  });
});
