import { useSetVaultPassphrase } from '../queries/use-vault-mutations';
import { useAnnounce } from '../ui/announcer';
import { NewPassphraseForm } from './new-passphrase-form';

interface PassphraseFormProps {
  /** A passphrase exists: it is replaced, and the current one is asked for first. */
  changing: boolean;
  onDone: () => void;
}

/**
 * Sets or changes the passphrase slot. Changing asks for the current passphrase, which main
 * checks, so a moment at an unlocked screen is not enough to lock the owner out.
 */
export function PassphraseForm({ changing, onDone }: PassphraseFormProps) {
  const save = useSetVaultPassphrase();
  const announce = useAnnounce();
  return (
    <NewPassphraseForm
      ownerNeeded={changing}
      label="New passphrase"
      confirmLabel="Confirm new passphrase"
      submitLabel="Save passphrase"
      mutation={save}
      run={async (input) => {
        await save.mutateAsync(input);
        announce(changing ? 'Passphrase changed' : 'Passphrase set');
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
