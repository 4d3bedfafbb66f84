import { AppError } from '../../services/app-error';
import type { Vault } from '../../services/vault/vault';

/**
 * A vault with a passphrase asks for it again before anything that changes how it opens or
 * takes its secrets elsewhere (a backup): an unlocked, unattended screen is not enough.
 */
export async function confirmOwner(vault: Vault, currentPassphrase: string | undefined): Promise<void> {
  if (!vault.snapshot().slots.includes('passphrase')) return;
  if (currentPassphrase === undefined) throw new AppError('invalid-input', 'Enter the current passphrase to do this.');
  await vault.verifyPassphrase(currentPassphrase);
}
