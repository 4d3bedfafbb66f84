import { useExportBackup } from '../queries/use-transfer-mutations';
import { useVaultHasPassphrase } from '../queries/use-vault-status';
import { useAnnounce } from '../ui/announcer';
import { NewPassphraseForm } from './new-passphrase-form';

/** Main encrypts the backup and writes it where the user chooses; the file never reaches this page. */
export function BackupExportForm({ onDone }: { onDone: () => void }) {
  const exportBackup = useExportBackup();
  const announce = useAnnounce();
  return (
    <NewPassphraseForm
      ownerNeeded={useVaultHasPassphrase()}
      label="Backup passphrase"
      confirmLabel="Confirm backup passphrase"
      submitLabel="Save backup"
      mutation={exportBackup}
      run={async (input) => {
        const { savedTo } = await exportBackup.mutateAsync(input);
        // No path: the user closed the save dialog; the form stays for another try or Cancel.
        if (savedTo === null) return announce('Backup not saved');
        announce(`Backup saved to ${savedTo}`);
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
