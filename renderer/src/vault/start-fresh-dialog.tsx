import { useStartFreshVault } from '../queries/use-vault-mutations';
import { useAnnounce } from '../ui/announcer';
import { ConfirmDialog } from '../ui/confirm-dialog';

export function StartFreshDialog({ onClose }: { onClose: () => void }) {
  const startFresh = useStartFreshVault();
  const announce = useAnnounce();
  return (
    <ConfirmDialog
      title="Start a new vault?"
      confirmLabel="Start a new vault"
      tone="primary"
      pending={startFresh.isPending}
      error={startFresh.error}
      onConfirm={() =>
        startFresh.mutate(undefined, {
          onSuccess: ({ movedTo }) => {
            announce(`New vault started. The unreadable file was kept as ${movedTo}`);
            onClose();
          },
        })
      }
      onClose={onClose}
    >
      <p>
        Keymint keeps the unreadable file: it is renamed and left next to the new one, not deleted. The new vault starts
        empty.
      </p>
    </ConfirmDialog>
  );
}
