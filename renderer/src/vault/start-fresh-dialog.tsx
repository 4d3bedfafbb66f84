import { useStartFreshVault } from '../queries/use-vault-mutations';
import { ConfirmDialog } from '../ui/confirm-dialog';

export function StartFreshDialog({ onClose }: { onClose: () => void }) {
  const startFresh = useStartFreshVault();
  return (
    <ConfirmDialog
      title="Start a new vault?"
      confirmLabel="Start a new vault"
      tone="primary"
      pending={startFresh.isPending}
      error={startFresh.error}
      onConfirm={() => startFresh.mutate(undefined, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>
        Keymint keeps the unreadable file: it is renamed and left next to the new one, not deleted. The new vault starts
        empty.
      </p>
    </ConfirmDialog>
  );
}
