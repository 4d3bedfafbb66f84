import { describe, expect, it } from 'vitest';
import { storedProvider } from '../../test-support/stored-samples';
import { replacingProvider } from './replacing-provider';

describe('replacingProvider', () => {
  const providers = ['a', 'b', 'c'].map((id) => storedProvider(id));
  const current = providers[1]!;
  const updated = { ...current, name: 'Renamed' };

  it('replaces the provider this process holds in its place, leaving the array it was given alone', () => {
    const next = replacingProvider(providers, current, updated, true);
    expect(next).toEqual([providers[0], updated, providers[2]]);
    expect(next[0]).toBe(providers[0]);
    expect(providers[1]).toBe(current);
  });

  it('in a document another process wrote (the same providers as new objects), replaces it by id', () => {
    const reread = providers.map((p) => ({ ...p }));
    expect(replacingProvider(reread, current, updated, false)).toEqual([reread[0], updated, reread[2]]);
    expect(replacingProvider(reread, current, updated, true)).toEqual([reread[0], updated, reread[2]]);
  });

  it('in a document holding the id twice (a file edited by hand), replaces every provider with it', () => {
    const twice = [current, providers[0]!, { ...current, name: 'Second' }];
    expect(replacingProvider(twice, current, updated, false)).toEqual([updated, providers[0], updated]);
  });

  it('leaves a document without that provider as it is', () => {
    const others = [storedProvider('x')];
    expect(replacingProvider(others, current, updated, true)).toEqual(others);
  });
});
