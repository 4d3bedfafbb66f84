import { useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { useVaultLocked } from '../queries/use-vault-status';
import { lockedControlProps } from '../vault/locked-hint';
import { Dialog } from '../ui/dialog';
import { ProviderForm } from './provider-form';

interface ProviderFormDialogProps {
  /** The provider to edit; absent to add a new one. */
  stored?: ProviderView;
  onClose: () => void;
}

export function ProviderFormDialog({ stored, onClose }: ProviderFormDialogProps) {
  return (
    <Dialog title={stored ? 'Edit provider' : 'Add provider'} className="form-dialog" onClose={onClose}>
      <ProviderForm stored={stored} onDone={onClose} />
    </Dialog>
  );
}

export function AddProviderButton() {
  const [open, setOpen] = useState(false);
  const needsKey = lockedControlProps(useVaultLocked());
  return (
    <>
      <button type="button" className="button primary" onClick={() => setOpen(true)} {...needsKey}>
        Add provider
      </button>
      {open && <ProviderFormDialog onClose={() => setOpen(false)} />}
    </>
  );
}
