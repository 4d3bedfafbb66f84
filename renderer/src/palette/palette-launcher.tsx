import { useEffect, useState } from 'react';
import { useKeymintClient } from '../keymint-client-context';
import { QuickCopyPalette } from './quick-copy-palette';
import './palette.css';

/** Ctrl+K, or Cmd+K on a Mac; Shift and Alt are left to other shortcuts. */
export function isPaletteShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k';
}

/**
 * Opens the quick-copy palette on Ctrl/Cmd+K anywhere in the page, or when main asks (the desktop
 * app's global shortcut, tray and View menu send `ui:open-palette`). Not over another dialog:
 * a half-filled form stays the one the user is in.
 */
export function PaletteLauncher() {
  const keymint = useKeymintClient();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const openUnlessBusy = () => {
      if (!document.querySelector('dialog[open]')) setOpen(true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      openUnlessBusy();
    };
    window.addEventListener('keydown', onKeyDown);
    const stop = keymint.onOpenPalette(openUnlessBusy);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stop();
    };
  }, [keymint]);
  return open ? <QuickCopyPalette onClose={() => setOpen(false)} /> : null;
}
