import { AppError } from '../app-error';
import type { Vault } from './vault';

/**
 * Makes the vault ready before anything that needs the data key. On first use with no choice
 * made yet, the keychain is the default where it is real; without one, the user must set a
 * passphrase first (the renderer's setup screen asks).
 */
export async function ensureVaultReady(vault: Vault, keychainAvailable: () => boolean): Promise<void> {
  const state = vault.state();
  if (state === 'unlocked') return vault.touch();
  if (state === 'locked') throw new AppError('locked', 'The vault is locked. Unlock it first.');
  if (!keychainAvailable()) throw new AppError('vault', 'Set up the vault with a passphrase first.');
  await vault.setup({ method: 'keychain' });
}
