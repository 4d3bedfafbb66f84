import { useStartFreshVault } from '../queries/use-vault-mutations';
import { Dialog } from '../ui/dialog';

export function StartFreshDialog({ onClose }: { onClose: () => void }) {
  const startFresh = useStartFreshVault();
  return (
    <Dialog title="Start a new vault?" className="confirm-dialog" onClose={onClose}>
      <p>
        Keymint keeps the unreadable file: it is renamed and left next to the new one, not deleted. The new vault starts
        empty.
      </p>
      {startFresh.error && (
        <p role="alert" className="form-refusal">
          {startFresh.error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={startFresh.isPending}
          onClick={() => startFresh.mutate(undefined, { onSuccess: onClose })}
        >
          Start a new vault
        </button>
      </div>
    </Dialog>
  );
}
