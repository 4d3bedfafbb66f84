import type { ReactNode } from 'react';
import { errorMessage } from './keymint-client';
import { useVaultStatus } from './queries/use-vault-status';
import { PassphraseSetupScreen } from './vault/passphrase-setup-screen';
import { UnreadableScreen } from './vault/unreadable-screen';

/**
 * Stands between the user and the board only when the board cannot work at all: an unreadable
 * data file, or a first run where the vault needs a passphrase because there is no keychain.
 * Otherwise the board shows, with the set-up panel or unlock banner above it (VaultNotice).
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const vault = useVaultStatus();

  if (vault.isPending) return <p className="vault-loading">Opening Keymint…</p>;
  if (vault.isError) {
    return (
      <main className="vault-screen">
        <h1 className="vault-screen-title">Keymint could not open its vault</h1>
        <p role="alert">{errorMessage(vault.error)}</p>
        <button type="button" className="button" onClick={() => void vault.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  const status = vault.data;
  if (status.state === 'unreadable') return <UnreadableScreen problem={status.problem} />;
  if (status.state === 'uninitialized' && !status.keychain.available) {
    return <PassphraseSetupScreen reason={status.keychain.reason} />;
  }
  return children;
}
