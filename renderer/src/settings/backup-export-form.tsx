import { useRef, type FormEvent } from 'react';
import { useExportBackup } from '../queries/use-transfer-mutations';
import { useVaultHasPassphrase } from '../queries/use-vault-status';
import { useAnnounce } from '../ui/announcer';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import { useNewPassphrase } from '../vault/new-passphrase';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { CurrentPassphraseField, useCurrentPassphrase } from './current-passphrase';
import { useFocusFirstField } from './use-focus-first-field';

/** Main encrypts the backup and writes it where the user chooses; the file never reaches this page. */
export function BackupExportForm({ onDone }: { onDone: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  const current = useCurrentPassphrase(useVaultHasPassphrase());
  const passphrase = useNewPassphrase();
  const exportBackup = useExportBackup();
  const announce = useAnnounce();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    exportBackup.reset();
    const owner = current.checked();
    const chosen = passphrase.checked();
    if (!owner || chosen === undefined) return focusFirstInvalid(formRef.current);
    exportBackup.mutate(
      { passphrase: chosen, ...owner },
      {
        onSuccess: ({ savedTo }) => {
          // No path: the user closed the save dialog; the form stays for another try or Cancel.
          if (savedTo === null) return announce('Backup not saved');
          announce(`Backup saved to ${savedTo}`);
          onDone();
        },
        onError: (error) => {
          if (current.claim(error)) focusFirstInvalid(formRef.current);
        },
      },
    );
  }

  const refusal = current.formError(exportBackup.error);
  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={submit}>
      <CurrentPassphraseField state={current} />
      <NewPassphraseFields state={passphrase} label="Backup passphrase" confirmLabel="Confirm backup passphrase" />
      {refusal && <Refusal>{refusal}</Refusal>}
      <FormActions label="Save backup" pendingLabel="Saving…" pending={exportBackup.isPending} onCancel={onDone} />
    </form>
  );
}
