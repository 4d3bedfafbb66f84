import { MIN_PASSPHRASE_LENGTH } from '../../../shared/ipc/vault-view';
import { FormField } from '../form/form-field';
import type { NewPassphrase } from './new-passphrase';

interface NewPassphraseFieldsProps {
  state: NewPassphrase;
  /** e.g. "Passphrase" / "Confirm passphrase", or "Backup passphrase" / "Confirm backup passphrase". */
  label: string;
  confirmLabel: string;
}

/** Two password inputs for choosing a passphrase; the first says how long it must be. */
export function NewPassphraseFields({ state, label, confirmLabel }: NewPassphraseFieldsProps) {
  return (
    <>
      <FormField label={label} help={`At least ${MIN_PASSPHRASE_LENGTH} characters.`} error={state.errors.passphrase}>
        {(control) => (
          <input
            {...control}
            type="password"
            value={state.passphrase}
            required
            autoComplete="new-password"
            spellCheck={false}
            onChange={(event) => state.setPassphrase(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={confirmLabel} error={state.errors.confirm}>
        {(control) => (
          <input
            {...control}
            type="password"
            value={state.confirm}
            required
            autoComplete="new-password"
            spellCheck={false}
            onChange={(event) => state.setConfirm(event.target.value)}
          />
        )}
      </FormField>
    </>
  );
}
