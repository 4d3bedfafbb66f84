import type { ProviderView } from '../../../shared/ipc/provider-view';
import { useRemoveProvider } from '../queries/use-provider-mutations';
import { Dialog } from '../ui/dialog';

interface RemoveProviderDialogProps {
  provider: ProviderView;
  onClose: () => void;
}

export function RemoveProviderDialog({ provider, onClose }: RemoveProviderDialogProps) {
  const remove = useRemoveProvider();
  return (
    <Dialog title={`Remove ${provider.name}?`} className="confirm-dialog" onClose={onClose}>
      <p>Keymint deletes its stored credentials and token from this computer. This cannot be undone.</p>
      {remove.error && (
        <p role="alert" className="form-refusal">
          {remove.error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(provider.id, { onSuccess: onClose })}
        >
          Remove
        </button>
      </div>
    </Dialog>
  );
}
