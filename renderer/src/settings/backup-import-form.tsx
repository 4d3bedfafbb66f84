import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { FormField } from '../form/form-field';
import { useImportBackup } from '../queries/use-transfer-mutations';
import { useAnnounce } from '../ui/announcer';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import { PassphraseField } from '../ui/passphrase-field';
import type { DuplicateChoice } from '../../../shared/ipc/vault-view';
import { DuplicateChoiceField } from './duplicate-choice-field';
import { importCountWords } from './import-summary';
import { useFocusFirstField } from './use-focus-first-field';

interface Problems {
  file?: string;
  passphrase?: string;
}

/** Adds the backup's providers to this vault; one already here (restoring twice) is skipped or replaced, as chosen. */
export function BackupImportForm({ onDone }: { onDone: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstField(formRef);
  const [file, setFile] = useState<File>();
  const [passphrase, setPassphrase] = useState('');
  const [duplicates, setDuplicates] = useState<DuplicateChoice>('skip');
  const [problems, setProblems] = useState<Problems>({});
  const importBackup = useImportBackup();
  const announce = useAnnounce();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    importBackup.reset();
    const found: Problems = {};
    if (!file) found.file = 'Choose a backup file.';
    if (!passphrase) found.passphrase = 'Enter the passphrase the backup was made with.';
    flushSync(() => setProblems(found));
    if (!file || !passphrase) return focusFirstInvalid(formRef.current);
    importBackup.mutate(
      { content: await file.text(), passphrase, duplicates },
      {
        onSuccess: (result) => {
          announce(importCountWords(result));
          onDone();
        },
      },
    );
  }

  return (
    <form ref={formRef} className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
      <FormField label="Backup file" error={problems.file}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".json,application/json"
            required
            onChange={(event) => {
              setFile(event.target.files?.[0]);
              setProblems(({ file: _, ...rest }) => rest);
            }}
          />
        )}
      </FormField>
      <PassphraseField
        label="Backup passphrase"
        error={problems.passphrase}
        value={passphrase}
        autoComplete="off"
        onChange={(value) => {
          setPassphrase(value);
          setProblems(({ passphrase: _, ...rest }) => rest);
        }}
      />
      <DuplicateChoiceField value={duplicates} onChange={setDuplicates} />
      {importBackup.error && <Refusal>{importBackup.error.message}</Refusal>}
      <FormActions label="Import from backup" pendingLabel="Importing…" pending={importBackup.isPending} onCancel={onDone} />
    </form>
  );
}
