import { expect } from 'vitest';
import { VaultError, type VaultErrorCode } from '../core/vault/vault-error';

/** Scrypt cost for unit tests: fast, and far below what production accepts. */
export const TEST_KDF = { N: 2 ** 10 } as const;

function check(error: unknown, codes: readonly VaultErrorCode[]): VaultError {
  expect(error).toBeInstanceOf(VaultError);
  const vaultError = error as VaultError;
  expect(codes).toContain(vaultError.code);
  return vaultError;
}

/** Asserts a VaultError with one of `codes`; returns it for message checks. */
export function expectVaultError(run: () => unknown, ...codes: VaultErrorCode[]): VaultError {
  try {
    run();
  } catch (error) {
    return check(error, codes);
  }
  throw new Error(`expected VaultError ${codes.join('|')}, nothing was thrown`);
}

export async function expectVaultRejection(promise: Promise<unknown>, ...codes: VaultErrorCode[]): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    return check(error, codes);
  }
  throw new Error(`expected VaultError ${codes.join('|')}, the promise resolved`);
}

/** Flips one bit of byte `index` in a base64url string's decoded bytes. */
export function flipDecodedByte(text: string, index: number): string {
  const bytes = Buffer.from(text, 'base64url');
  bytes[index] ^= 0x01;
  return bytes.toString('base64url');
}
