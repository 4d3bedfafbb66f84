import { useEffectEvent, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { AnnouncerRegion } from './announcer';

interface DialogProps {
  /** The dialog's heading and accessible name. */
  title: string;
  /** Called when the user dismisses the dialog (Escape); the parent then unmounts it. */
  onClose: () => void;
  /** Asked on Escape: false keeps the dialog open (the caller asks before discarding changes). */
  onEscape?: () => boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A native modal `<dialog>` (focus trap, Escape, top layer for free), open while mounted.
 * It is portalled outside the app root so the root can be marked aria-hidden meanwhile:
 * showModal() already hides the page from users and assistive tech, and this keeps tools
 * that compute the accessibility tree themselves (Playwright's getByRole) in agreement.
 */
export function Dialog({ title, onClose, onEscape, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const handleClose = useEffectEvent(() => onClose());
  const allowEscape = useEffectEvent(() => onEscape?.() ?? true);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const app = document.getElementById('root');
    // A close event queued by an earlier close() (StrictMode re-runs this effect) finds the
    // dialog open again: only a dialog that is really closed means the user dismissed it.
    const onNativeClose = () => {
      if (!dialog.open) handleClose();
    };
    const onCancel = (event: Event) => {
      if (!allowEscape()) event.preventDefault();
    };
    dialog.addEventListener('close', onNativeClose);
    dialog.addEventListener('cancel', onCancel);
    app?.setAttribute('aria-hidden', 'true');
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      dialog.removeEventListener('cancel', onCancel);
      app?.removeAttribute('aria-hidden');
      dialog.close();
    };
  }, []);

  return createPortal(
    <dialog ref={ref} role="dialog" aria-labelledby={titleId} className={className ? `dialog ${className}` : 'dialog'}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
      <AnnouncerRegion />
    </dialog>,
    document.getElementById('dialogs') ?? document.body,
  );
}
