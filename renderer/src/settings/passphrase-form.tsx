import { useRef, type FormEvent } from 'react';
import { useSetVaultPassphrase } from '../queries/use-vault-mutations';
import { useAnnounce } from '../ui/announcer';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import { useNewPassphrase } from '../vault/new-passphrase';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { CurrentPassphraseField, useCurrentPassphrase } from './current-passphrase';
import { useFocusFirstField } from './use-focus-first-field';

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
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  const current = useCurrentPassphrase(changing);
  const next = useNewPassphrase();
  const save = useSetVaultPassphrase();
  const announce = useAnnounce();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    const owner = current.checked();
    const chosen = next.checked();
    if (!owner || chosen === undefined) return focusFirstInvalid(formRef.current);
    save.mutate(
      { passphrase: chosen, ...owner },
      {
        onSuccess: () => {
          announce(changing ? 'Passphrase changed' : 'Passphrase set');
          onDone();
        },
        onError: (error) => {
          if (current.claim(error)) focusFirstInvalid(formRef.current);
        },
      },
    );
  }

  const refusal = current.formError(save.error);
  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={submit}>
      <CurrentPassphraseField state={current} />
      <NewPassphraseFields state={next} label="New passphrase" confirmLabel="Confirm new passphrase" />
      {refusal && <Refusal>{refusal}</Refusal>}
      <FormActions label="Save passphrase" pendingLabel="Saving…" pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
