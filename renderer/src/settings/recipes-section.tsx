import { useId, useRef, useState, type FormEvent } from 'react';
import { FormField } from '../form/form-field';
import { useExportRecipes, useImportRecipes } from '../queries/use-transfer-mutations';
import { useAnnounce } from '../ui/announcer';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import type { DuplicateChoice } from '../../../shared/ipc/vault-view';
import { DuplicateChoiceField } from './duplicate-choice-field';
import { importCountWords, ImportSummary } from './import-summary';

/** Provider definitions without a single credential: for a team to share; each adds their own keys. */
export function RecipesSection() {
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateChoice>('skip');
  const exportRecipes = useExportRecipes();
  const importRecipes = useImportRecipes();
  const announce = useAnnounce();
  const importProblem = missingFile ? 'Choose a recipes file.' : importRecipes.error?.message;

  function exportAll() {
    importRecipes.reset();
    exportRecipes.mutate(undefined, {
      onSuccess: ({ savedTo }) => announce(savedTo === null ? 'Recipes not saved' : `Recipes saved to ${savedTo}`),
    });
  }

  async function importFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    exportRecipes.reset();
    importRecipes.reset();
    const file = fileRef.current?.files?.[0];
    setMissingFile(!file);
    if (!file) return fileRef.current?.focus();
    importRecipes.mutate({ content: await file.text(), duplicates }, {
      onSuccess: (result) => {
        announce(importCountWords(result));
        formRef.current?.reset();
      },
    });
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Recipes</h3>
      <p className="field-help">
        Provider definitions without any credentials, to share with your team. Whoever imports them adds their own keys.
      </p>
      <div className="settings-actions">
        <button type="button" className="button" disabled={exportRecipes.isPending} onClick={exportAll}>
          Export recipes
        </button>
      </div>
      {exportRecipes.error && <Refusal>{exportRecipes.error.message}</Refusal>}
      <form ref={formRef} className="settings-form file-import" noValidate onSubmit={(event) => void importFile(event)}>
        {/* An alert as well as the field's error: a refused file is news, not just a hint. */}
        <FormField label="Recipes file" error={importProblem && <span role="alert">{importProblem}</span>}>
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              type="file"
              accept=".json,application/json"
              required
              onChange={() => {
                setMissingFile(false);
                importRecipes.reset();
              }}
            />
          )}
        </FormField>
        <DuplicateChoiceField value={duplicates} onChange={setDuplicates} />
        <FormActions label="Import recipes" pendingLabel="Importing…" pending={importRecipes.isPending} primary={false} />
      </form>
      {importRecipes.data && <ImportSummary result={importRecipes.data} />}
    </section>
  );
}
