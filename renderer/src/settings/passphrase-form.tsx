import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { FormField } from '../form/form-field';
import { errorMessage } from '../keymint-client';
import { useSetVaultPassphrase } from '../queries/use-vault-mutations';
import { useAnnounce } from '../ui/announcer';
import { focusFirstInvalid, useNewPassphrase } from '../vault/new-passphrase';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { useFocusFirstField } from './use-focus-first-field';

interface PassphraseFormProps {
  /** A passphrase exists: it is replaced, and the current one is asked for first. */
  changing: boolean;
  onDone: () => void;
}

/**
 * Sets or changes the passphrase slot. Changing asks for the current passphrase, as the vault
 * expects, so a moment at an unlocked screen is not enough to lock the owner out.
 */
export function PassphraseForm({ changing, onDone }: PassphraseFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<string>();
  const next = useNewPassphrase();
  const save = useSetVaultPassphrase();
  const announce = useAnnounce();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    const chosen = next.checked();
    const currentMissing = changing && !current;
    if (currentMissing) flushSync(() => setCurrentError('Enter your current passphrase.'));
    if (chosen === undefined || currentMissing) return focusFirstInvalid(formRef.current);
    // Main checks the current passphrase against the vault before it changes anything.
    save.mutate(
      { passphrase: chosen, currentPassphrase: changing ? current : undefined },
      {
        onSuccess: () => {
          announce(changing ? 'Passphrase changed' : 'Passphrase set');
          onDone();
        },
        onError: (error) => {
          if (!changing) return;
          flushSync(() => setCurrentError(errorMessage(error)));
          focusFirstInvalid(formRef.current);
        },
      },
    );
  }

  const busy = save.isPending;
  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={submit}>
      {changing && (
        <FormField label="Current passphrase" error={currentError}>
          {(control) => (
            <input
              {...control}
              type="password"
              value={current}
              required
              autoComplete="current-password"
              spellCheck={false}
              onChange={(event) => {
                setCurrent(event.target.value);
                setCurrentError(undefined);
              }}
            />
          )}
        </FormField>
      )}
      <NewPassphraseFields state={next} label="New passphrase" confirmLabel="Confirm new passphrase" />
      {save.error && !changing && (
        <p role="alert" className="inline-refusal">
          {save.error.message}
        </p>
      )}
      <div className="settings-form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save passphrase'}
        </button>
      </div>
    </form>
  );
}
