import { AppError } from './app-error';
import type { AskOwner, OwnerQuestion } from './ports';
import type { Vault } from './vault/vault';

/**
 * A vault with a passphrase asks for it again before anything that changes how it opens or
 * takes its secrets elsewhere (a backup): an unlocked, unattended screen is not enough.
 */
export async function confirmOwner(vault: Vault, currentPassphrase: string | undefined): Promise<void> {
  if (!vault.snapshot().slots.includes('passphrase')) return;
  if (currentPassphrase === undefined) throw new AppError('invalid-input', 'Enter the current passphrase to do this.');
  await vault.verifyPassphrase(currentPassphrase);
}

/**
 * A change that could lock the owner out (removing or replacing a way in, or adding a passphrase
 * that a later removal could leave as the only one) is confirmed outside the page: a compromised
 * page can type any passphrase, including one it set itself, but cannot answer main's dialog.
 */
export async function confirmOutsideThePage(ask: AskOwner, question: OwnerQuestion): Promise<void> {
  if (!(await ask(question))) throw new AppError('not-confirmed', 'Nothing changed: the change was not confirmed in Keymint’s dialog.');
}
