import { useEffect, useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { useVaultLocked } from '../queries/use-vault-status';
import { lockedControlProps } from '../vault/locked-hint';
import { Dialog } from '../ui/dialog';
import { dialogOpen, isShortcut, SHORTCUT_KEY } from '../ui/shortcut-key';
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
  const locked = useVaultLocked();
  const needsKey = lockedControlProps(locked);

  // Ctrl/⌘+N adds a provider from anywhere on the board.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event, 'n') || dialogOpen()) return;
      event.preventDefault();
      if (!locked) setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [locked]);

  return (
    <>
      <button type="button" className="button primary" aria-keyshortcuts={SHORTCUT_KEY === '⌘' ? 'Meta+N' : 'Control+N'} onClick={() => setOpen(true)} {...needsKey}>
        Add provider
      </button>
      {open && <ProviderFormDialog onClose={() => setOpen(false)} />}
    </>
  );
}
