import type { ReactNode } from 'react';
import { Dialog } from './dialog';
import { Refusal } from './refusal';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** What the button that backs out says; "Cancel" unless that would be unclear. */
  cancelLabel?: string;
  tone: 'danger' | 'primary';
  pending: boolean;
  /** The server's refusal, shown as an alert; the dialog stays open. */
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** An in-app "are you sure?" with Cancel first, so a stray Enter never confirms. */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Cancel', tone, pending, error, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog title={title} className="confirm-dialog" onClose={onClose}>
      {children}
      {error && <Refusal>{error.message}</Refusal>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {cancelLabel}
        </button>
        <button type="button" className={`button ${tone}`} disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
