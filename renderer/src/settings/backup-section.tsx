import { useId, useState } from 'react';
import { BackupExportForm } from './backup-export-form';
import { BackupImportForm } from './backup-import-form';

/** Export and import of everything, credentials included, under a passphrase of the backup's own. */
export function BackupSection({ locked }: { locked: boolean }) {
  const headingId = useId();
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const toggle = (form: 'export' | 'import') => setOpen(open === form ? null : form);
  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Backup</h3>
      <p className="field-help">
        A backup file holds every provider with its credentials, encrypted with a passphrase you choose for the backup.
      </p>
      <div className="settings-actions">
        <button type="button" className="button" aria-expanded={open === 'export'} disabled={locked} onClick={() => toggle('export')}>
          Export backup
        </button>
        <button type="button" className="button" aria-expanded={open === 'import'} disabled={locked} onClick={() => toggle('import')}>
          Import backup
        </button>
      </div>
      {locked && <p className="field-help">Unlock the vault to export or import a backup.</p>}
      {!locked && open === 'export' && <BackupExportForm onDone={() => setOpen(null)} />}
      {!locked && open === 'import' && <BackupImportForm onDone={() => setOpen(null)} />}
    </section>
  );
}
