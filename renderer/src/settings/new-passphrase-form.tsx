import { useRef, type FormEvent } from 'react';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import { useNewPassphrase } from '../vault/new-passphrase';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { CurrentPassphraseField, useCurrentPassphrase } from './current-passphrase';
import { useFocusFirstField } from './use-focus-first-field';

interface NewPassphraseFormProps {
  /** The vault has a passphrase: main wants it again before this change. */
  ownerNeeded: boolean;
  label: string;
  confirmLabel: string;
  submitLabel: string;
  /** The mutation behind the form: its state, and a reset before each try. */
  mutation: { isPending: boolean; error: Error | null; reset(): void };
  /** Runs the change; rejects with main's refusal (a wrong current passphrase lands on its field). */
  run: (input: { passphrase: string; currentPassphrase?: string }) => Promise<unknown>;
  onCancel: () => void;
}

/** Chooses a new passphrase (for the vault, or for a backup), asking for the current one when needed. */
export function NewPassphraseForm({ ownerNeeded, label, confirmLabel, submitLabel, mutation, run, onCancel }: NewPassphraseFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  const current = useCurrentPassphrase(ownerNeeded);
  const next = useNewPassphrase();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    const owner = current.checked();
    const chosen = next.checked();
    if (!owner || chosen === undefined) return focusFirstInvalid(formRef.current);
    run({ passphrase: chosen, ...owner }).catch((refusal: unknown) => {
      if (current.claim(refusal)) focusFirstInvalid(formRef.current);
    });
  }

  const refusal = current.formError(mutation.error);
  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={submit}>
      <CurrentPassphraseField state={current} />
      <NewPassphraseFields state={next} label={label} confirmLabel={confirmLabel} />
      {refusal && <Refusal>{refusal}</Refusal>}
      <FormActions label={submitLabel} pendingLabel="Saving…" pending={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}
