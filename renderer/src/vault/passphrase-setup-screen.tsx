import { VaultSetupForm } from './vault-setup-form';

/** First run without a usable keychain: the vault needs a passphrase before anything can be stored. */
export function PassphraseSetupScreen({ reason }: { reason: string | null }) {
  return (
    <main className="vault-screen">
      <h1 className="vault-screen-title">Set up your vault</h1>
      <p>{reason ?? 'The system keychain is not available, so Keymint asks for a passphrase instead.'}</p>
      <p>
        Keymint encrypts your credentials with a key that this passphrase unlocks. You type it when Keymint starts or after
        it locks; it cannot be recovered if you forget it.
      </p>
      <VaultSetupForm offerKeychain={false} />
    </main>
  );
}
