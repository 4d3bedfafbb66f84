import type { ImportResult } from '../../../shared/ipc/vault-view';
import { listWords } from '../../../shared/text/list-words';

const providers = (count: number) => `${count} ${count === 1 ? 'provider' : 'providers'}`;

/** "Added 2 providers, replaced 0, skipped 1": what an import did, in one line. */
export function importCountWords({ added, replaced, skipped }: ImportResult): string {
  return `Added ${providers(added)}, replaced ${replaced}, skipped ${skipped}`;
}

/**
 * What an import did, kept on screen: the counts, every host the imported providers send keys
 * to (a shared file decides where keys go, so the user sees it), and the secret values a
 * recipes file held that were dropped rather than stored.
 */
export function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <div className="import-summary" aria-label="Import summary" role="group">
      <p>{importCountWords(result)}.</p>
      {result.hosts.length > 0 && <p>Keys of the imported providers go to {listWords(result.hosts)}.</p>}
      {result.droppedSecrets.length > 0 && (
        <p>
          The file held values for secret fields ({listWords(result.droppedSecrets)}). They were not imported: add your own keys with{' '}
          <strong>Edit</strong>.
        </p>
      )}
    </div>
  );
}
