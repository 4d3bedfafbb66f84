import { describe, expect, it } from 'vitest';
import { pathLabel, readPath } from './json-path';

const reply = {
  AuthenticationResult: { IdToken: 'id-token', ExpiresIn: 3600, Empty: '', Nothing: null, Zero: 0, Off: false },
  Token: 'legacy-token',
  token_exact: 'exact',
  TOKEN_EXACT: 'shouted',
  data: { items: [{ access: 'first' }, { access: 'second' }] },
  list: ['a', 'b'],
  numbered: { '0': 'zero-key' },
};

describe('readPath', () => {
  it('reads nested keys', () => {
    expect(readPath(reply, 'AuthenticationResult.IdToken')).toEqual({ found: true, value: 'id-token', path: 'AuthenticationResult.IdToken' });
  });

  it('matches keys case-insensitively, preferring an exact match', () => {
    expect(readPath(reply, 'authenticationresult.expiresin')).toMatchObject({ found: true, value: 3600 });
    expect(readPath(reply, 'token')).toMatchObject({ found: true, value: 'legacy-token' });
    expect(readPath(reply, 'TOKEN_EXACT')).toMatchObject({ value: 'shouted' });
    expect(readPath(reply, 'token_exact')).toMatchObject({ value: 'exact' });
  });

  it('tries alternatives in order and reports which one matched', () => {
    expect(readPath(reply, ['access_token', 'AuthenticationResult.IdToken', 'Token'])).toEqual({
      found: true,
      value: 'id-token',
      path: 'AuthenticationResult.IdToken',
    });
    expect(readPath(reply, ['missing', 'also.missing'])).toEqual({ found: false });
  });

  it('indexes arrays with numeric segments, and only those', () => {
    expect(readPath(reply, 'data.items.1.access')).toMatchObject({ found: true, value: 'second' });
    expect(readPath(reply, 'list.0')).toMatchObject({ found: true, value: 'a' });
    expect(readPath(reply, 'list.2')).toEqual({ found: false });
    expect(readPath(reply, 'list.length')).toEqual({ found: false });
    expect(readPath(reply, 'numbered.0')).toMatchObject({ found: true, value: 'zero-key' });
    expect(readPath([{ token: 't' }], '0.token')).toMatchObject({ found: true, value: 't' });
  });

  it('treats null and absent alike, but keeps falsy values that are there', () => {
    expect(readPath(reply, 'AuthenticationResult.Nothing')).toEqual({ found: false });
    expect(readPath(reply, 'AuthenticationResult.Zero')).toMatchObject({ found: true, value: 0 });
    expect(readPath(reply, 'AuthenticationResult.Off')).toMatchObject({ found: true, value: false });
    expect(readPath(reply, 'AuthenticationResult.Empty')).toMatchObject({ found: true, value: '' });
  });

  it('does not walk into strings, numbers or null roots', () => {
    expect(readPath(reply, 'Token.length')).toEqual({ found: false });
    expect(readPath(reply, 'AuthenticationResult.ExpiresIn.value')).toEqual({ found: false });
    expect(readPath(null, 'token')).toEqual({ found: false });
    expect(readPath('token', 'token')).toEqual({ found: false });
  });

  it('reads only the reply\'s own fields, never inherited ones', () => {
    expect(readPath({}, 'constructor')).toEqual({ found: false });
    expect(readPath({ a: {} }, 'a.toString')).toEqual({ found: false });
    expect(readPath({}, '__proto__')).toEqual({ found: false });
    expect(readPath({ token: 'x' }, 'hasOwnProperty')).toEqual({ found: false });
  });
});

describe('pathLabel', () => {
  it('names the last segment of the first alternative', () => {
    expect(pathLabel('AuthenticationResult.ExpiresIn')).toBe('ExpiresIn');
    expect(pathLabel(['expires_in', 'expiry'])).toBe('expires_in');
    expect(pathLabel('token')).toBe('token');
  });
});
