import { useRef, type FormEvent } from 'react';
import { useExportBackup } from '../queries/use-transfer-mutations';
import { useAnnounce } from '../ui/announcer';
import { downloadFile } from '../ui/download-file';
import { focusFirstInvalid, useNewPassphrase } from '../vault/new-passphrase';
import { NewPassphraseFields } from '../vault/new-passphrase-fields';
import { useFocusFirstField } from './use-focus-first-field';

export function BackupExportForm({ onDone }: { onDone: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  const passphrase = useNewPassphrase();
  const exportBackup = useExportBackup();
  const announce = useAnnounce();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = passphrase.checked();
    if (chosen === undefined) return focusFirstInvalid(formRef.current);
    exportBackup.mutate(chosen, {
      onSuccess: (file) => {
        downloadFile(file);
        announce(`Backup saved as ${file.fileName}`);
        onDone();
      },
    });
  }

  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={submit}>
      <NewPassphraseFields state={passphrase} label="Backup passphrase" confirmLabel="Confirm backup passphrase" />
      {exportBackup.error && (
        <p role="alert" className="inline-refusal">
          {exportBackup.error.message}
        </p>
      )}
      <div className="settings-form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={exportBackup.isPending}>
          {exportBackup.isPending ? 'Encrypting…' : 'Download backup'}
        </button>
      </div>
    </form>
  );
}
