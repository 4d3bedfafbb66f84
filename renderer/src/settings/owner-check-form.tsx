import { useRef, type FormEvent } from 'react';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import { CurrentPassphraseField, useCurrentPassphrase } from './current-passphrase';
import { useFocusFirstField } from './use-focus-first-field';

interface OwnerCheckFormProps {
  /** What confirming does, e.g. "Enter your current passphrase to remove the system keychain…". */
  intro: string;
  pendingLabel: string;
  pending: boolean;
  error: Error | null;
  /** Runs the change with the passphrase; rejects with main's refusal. */
  run: (owner: { currentPassphrase?: string }) => Promise<unknown>;
  onCancel: () => void;
}

/** Asks for the current passphrase before a change to how the vault opens. */
export function OwnerCheckForm({ intro, pendingLabel, pending, error, run, onCancel }: OwnerCheckFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  const current = useCurrentPassphrase(true);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const owner = current.checked();
    if (!owner) return focusFirstInvalid(formRef.current);
    run(owner).catch((refusal: unknown) => {
      if (current.claim(refusal)) focusFirstInvalid(formRef.current);
    });
  }

  const refusal = current.formError(error);
  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={submit}>
      <p className="field-help">{intro}</p>
      <CurrentPassphraseField state={current} />
      {refusal && <Refusal>{refusal}</Refusal>}
      <FormActions label="Confirm" pendingLabel={pendingLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
