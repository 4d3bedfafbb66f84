import { clipboard } from 'electron';
import type { ClipboardPort } from '../services/ports';

/** The system clipboard only: never Linux's primary selection, which any middle-click pastes. */
export const electronClipboard: ClipboardPort = {
  writeText: (text) => clipboard.writeText(text, 'clipboard'),
  readText: () => clipboard.readText('clipboard'),
};
