import { describe, expect, it } from 'vitest';
import { sameSecret, SessionKeys } from './session-keys';

describe('session keys', () => {
  it('exchange the token once, for a session only the right cookie carries', () => {
    const keys = new SessionKeys(4242);
    const token = keys.signInToken!;
    expect(keys.exchange('wrong')).toBeUndefined();
    expect(keys.signInToken).toBe(token);
    const session = keys.exchange(token)!;
    expect(session).toMatch(/^[\w-]{43}$/);
    expect(session).not.toBe(token);
    expect(keys.signInToken).toBeUndefined();
    expect(keys.exchange(token)).toBeUndefined();

    expect(keys.cookie(session)).toBe(`keymint_session_4242=${session}; HttpOnly; SameSite=Strict; Path=/`);
    expect(keys.isSignedIn(`other=1; keymint_session_4242=${session}`)).toBe(true);
    expect(keys.isSignedIn(`keymint_session_4243=${session}`)).toBe(false);
    expect(keys.isSignedIn(`keymint_session_4242=${session}x`)).toBe(false);
    expect(keys.isSignedIn(undefined)).toBe(false);
  });

  it('know no session before sign-in', () => {
    expect(new SessionKeys(1).isSignedIn('keymint_session_1=')).toBe(false);
  });

  it('compare secrets of any lengths without throwing', () => {
    expect(sameSecret('a', 'a')).toBe(true);
    expect(sameSecret('a', 'ab')).toBe(false);
    expect(sameSecret('', 'x'.repeat(1000))).toBe(false);
  });
});
