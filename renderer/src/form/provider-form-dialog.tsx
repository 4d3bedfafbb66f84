import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { useVaultLocked } from '../queries/use-vault-status';
import { lockedControlProps } from '../vault/locked-hint';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Dialog } from '../ui/dialog';
import { ADD_PROVIDER_BUTTON_ID, focusLost } from '../ui/focus-lost';
import { dialogOpen, isShortcut, SHORTCUT_KEY } from '../ui/shortcut-key';
import { ProviderForm } from './provider-form';

interface ProviderFormDialogProps {
  /** The provider to edit; absent to add a new one. */
  stored?: ProviderView;
  onClose: () => void;
}

export function ProviderFormDialog({ stored, onClose }: ProviderFormDialogProps) {
  const dirty = useRef(false);
  const [confirming, setConfirming] = useState(false);
  const onDirtyChange = useCallback((changed: boolean) => void (dirty.current = changed), []);
  // Escape on a form with changes asks first; an untouched form just closes.
  const onEscape = () => {
    if (dirty.current) setConfirming(true);
    return !dirty.current;
  };
  return (
    <Dialog title={stored ? 'Edit provider' : 'Add provider'} className="form-dialog" onClose={onClose} onEscape={onEscape}>
      <ProviderForm stored={stored} onDone={onClose} onDirtyChange={onDirtyChange} />
      {confirming && (
        <ConfirmDialog
          title="Discard your changes?"
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          tone="danger"
          pending={false}
          error={null}
          onConfirm={onClose}
          onClose={() => setConfirming(false)}
        >
          <p>{stored ? `Your changes to ${stored.name} are not saved.` : 'This provider is not saved yet.'}</p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}

export function AddProviderButton() {
  const [open, setOpen] = useState(false);
  const locked = useVaultLocked();
  const needsKey = lockedControlProps(locked);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // The dialog gives focus back to what had it: after Ctrl+N from the page that is the page
  // itself, and the keyboard user would start again from the top. This button is the next best.
  useEffect(() => {
    if (!open && wasOpen.current && focusLost()) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

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
      <button
        ref={button}
        id={ADD_PROVIDER_BUTTON_ID}
        type="button"
        className="button primary"
        aria-keyshortcuts={SHORTCUT_KEY === '⌘' ? 'Meta+N' : 'Control+N'}
        onClick={() => setOpen(true)}
        {...needsKey}
      >
        Add provider
      </button>
      {open && <ProviderFormDialog onClose={() => setOpen(false)} />}
    </>
  );
}
