import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileKeychain } from './file-keychain';

const dir = () => mkdtempSync(join(tmpdir(), 'keymint-keychain-'));

describe('file keychain', () => {
  it('round-trips through a fresh 0600 key file, and a second instance reads the same key', async () => {
    const path = join(dir(), 'keychain.key');
    const sealed = await createFileKeychain(path).encrypt(Buffer.from('data key'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(sealed.includes(Buffer.from('data key'))).toBe(false);
    expect((await createFileKeychain(path).decrypt(sealed)).toString()).toBe('data key');
  });

  it('refuses a tampered blob', async () => {
    const keychain = createFileKeychain(join(dir(), 'keychain.key'));
    const sealed = await keychain.encrypt(Buffer.from('data key'));
    sealed[14] = (sealed[14] ?? 0) ^ 1;
    await expect(keychain.decrypt(sealed)).rejects.toThrow();
  });

  it('never replaces a key file that is not a key', () => {
    const path = join(dir(), 'keychain.key');
    writeFileSync(path, 'not a key');
    expect(() => createFileKeychain(path)).toThrow(/refusing to replace/);
    expect(readFileSync(path, 'utf8')).toBe('not a key');
  });
});
