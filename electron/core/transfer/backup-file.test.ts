import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { testCipher } from '../../test-support/node-ports';
import { TEST_KDF } from '../../test-support/vault-helpers';
import { readBackup, writeBackup } from './backup-file';

async function backupWithSlot(change: (kdf: Record<string, unknown>) => void): Promise<string> {
  const file = JSON.parse(await writeBackup([], testCipher(), 'backup passphrase', { now: 0, kdf: TEST_KDF }));
  change(file.slot.kdf);
  return JSON.stringify(file);
}

describe('reading a backup', () => {
  it('refuses a crafted scrypt cost (1 GiB, p=16) before deriving anything, whatever the passphrase', async () => {
    const crafted = [
      await backupWithSlot((kdf) => Object.assign(kdf, { N: 2 ** 20 })),
      await backupWithSlot((kdf) => Object.assign(kdf, { p: 16 })),
      await backupWithSlot((kdf) => Object.assign(kdf, { N: 2 ** 17, r: 8, p: 16 })),
    ];
    for (const content of crafted) {
      const error = await readBackup(content, 'a wrong passphrase', { kdf: TEST_KDF }).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^This backup cannot be opened: .*not the ones Keymint writes/) });
    }
  });

  it('opens one written with the parameters Keymint writes', async () => {
    expect(await readBackup(await backupWithSlot(() => undefined), 'backup passphrase', { kdf: TEST_KDF })).toEqual([]);
  });
});
