import { MIN_PASSPHRASE_LENGTH } from '../../../shared/ipc/vault-view';
import { PassphraseField } from '../ui/passphrase-field';
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
      <PassphraseField
        label={label}
        help={`At least ${MIN_PASSPHRASE_LENGTH} characters.`}
        error={state.errors.passphrase}
        value={state.passphrase}
        autoComplete="new-password"
        onChange={state.setPassphrase}
      />
      <PassphraseField label={confirmLabel} error={state.errors.confirm} value={state.confirm} autoComplete="new-password" onChange={state.setConfirm} />
    </>
  );
}
