import type { ProviderView } from '../../../shared/ipc/provider-view';
import { useRemoveProvider } from '../queries/use-provider-mutations';
import { ConfirmDialog } from '../ui/confirm-dialog';

interface RemoveProviderDialogProps {
  provider: ProviderView;
  onClose: () => void;
}

export function RemoveProviderDialog({ provider, onClose }: RemoveProviderDialogProps) {
  const remove = useRemoveProvider();
  return (
    <ConfirmDialog
      title={`Remove ${provider.name}?`}
      confirmLabel="Remove"
      tone="danger"
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(provider.id, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>Keymint deletes its stored credentials and token from this computer. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
