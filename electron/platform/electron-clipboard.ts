import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../core';

/**
 * The marker each platform's clipboard managers and history honour, written as a raw OS format
 * beside the text. Only presence matters to readers; the payload is what the convention names
 * (KDE wants the word `secret`) or a harmless non-empty value, since an empty raw format may not
 * be written at all.
 */
export function concealedFormat(platform: NodeJS.Platform): { format: string; payload: string | Blob } | undefined {
  switch (platform) {
    case 'linux':
      return { format: 'x-kde-passwordManagerHint', payload: 'secret' };
    case 'darwin':
      return { format: 'org.nspasteboard.ConcealedType', payload: 'secret' };
    case 'win32':
      // A DWORD, as Windows' other clipboard-history formats are.
      return { format: 'ExcludeClipboardContentFromMonitorProcessing', payload: new Blob([new Uint8Array(4)]) };
    default:
      return undefined;
  }
}

const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

/**
 * The system clipboard. Text and the platform's concealed marker go in one write, which Electron
 * commits atomically: a clipboard manager never sees the text unmarked. Clearing is the same
 * write with empty text, so even that leaves no history entry.
 *
 * On X11, Chromium copies the text of every clipboard write into the primary selection as well
 * (without the marker), where a middle-click pastes it and selection-syncing managers record it:
 * it is emptied again when it holds exactly what was written.
 */
export function createElectronClipboard(platform: NodeJS.Platform = process.platform): ClipboardPort {
  const concealed = concealedFormat(platform);
  return {
    async writeText(text) {
      const payloads: Record<string, string | Blob> = { 'text/plain': text };
      if (concealed) payloads[osFormat(concealed.format)] = concealed.payload;
      await clipboard.write([new ClipboardItem(payloads)]);
      if (platform === 'linux' && text !== '') await emptySelectionHolding(text);
    },
    readText: () => clipboard.readText(),
  };
}

async function emptySelectionHolding(text: string): Promise<void> {
  const selection = clipboard.selection as Electron.Clipboard | undefined;
  if (selection && (await selection.readText()) === text) selection.clear();
}

export const electronClipboard: ClipboardPort = createElectronClipboard();
