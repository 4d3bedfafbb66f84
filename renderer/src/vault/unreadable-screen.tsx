import { useState } from 'react';
import { Refusal } from '../ui/refusal';
import { StartFreshDialog } from './start-fresh-dialog';

/** The data file could not be read: nothing else works until the user decides, and nothing is lost. */
export function UnreadableScreen({ problem }: { problem: string | null }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <main className="vault-screen">
      <h1 className="vault-screen-title">Keymint can't read its data file</h1>
      <Refusal>{problem ?? 'The file holding your providers could not be read.'}</Refusal>
      <p>
        Nothing has been changed or deleted. Starting a new vault sets this file aside, renamed, so it can still be
        recovered; if you have a backup, import it from Settings once the new vault is open.
      </p>
      <div className="vault-screen-actions">
        <button type="button" className="button primary" onClick={() => setConfirming(true)}>
          Start a new vault
        </button>
      </div>
      {confirming && <StartFreshDialog onClose={() => setConfirming(false)} />}
    </main>
  );
}
