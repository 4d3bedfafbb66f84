import { useRef, type FormEvent } from 'react';
import { useSetUpVault } from '../queries/use-vault-mutations';
import { focusFirstInvalid, useNewPassphrase } from './new-passphrase';
import { NewPassphraseFields } from './new-passphrase-fields';

/** First run without a usable keychain: the vault needs a passphrase before anything can be stored. */
export function PassphraseSetupScreen({ reason }: { reason: string | null }) {
  const formRef = useRef<HTMLFormElement>(null);
  const passphrase = useNewPassphrase();
  const setUp = useSetUpVault();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = passphrase.checked();
    if (chosen === undefined) return focusFirstInvalid(formRef.current);
    setUp.mutate({ method: 'passphrase', passphrase: chosen });
  }

  return (
    <main className="vault-screen">
      <h1 className="vault-screen-title">Set up your vault</h1>
      <p>{reason ?? 'The system keychain is not available, so Keymint asks for a passphrase instead.'}</p>
      <p>
        Keymint encrypts your credentials with a key that this passphrase unlocks. You type it when Keymint starts or after
        it locks; it cannot be recovered if you forget it.
      </p>
      <form ref={formRef} className="vault-form" noValidate onSubmit={submit}>
        <NewPassphraseFields state={passphrase} label="Passphrase" confirmLabel="Confirm passphrase" />
        {setUp.error && (
          <p role="alert" className="inline-refusal">
            {setUp.error.message}
          </p>
        )}
        <div className="vault-screen-actions">
          <button type="submit" className="button primary" disabled={setUp.isPending}>
            {setUp.isPending ? 'Setting up…' : 'Set up vault'}
          </button>
        </div>
      </form>
    </main>
  );
}
