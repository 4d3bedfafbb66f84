import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Electron 44's clipboard, mocked: `write` records the items; ClipboardItem keeps what it was given. */
const electron = vi.hoisted(() => {
  class ClipboardItem {
    constructor(readonly items: Record<string, unknown>) {}
    get types() {
      return Object.keys(this.items);
    }
  }
  let selectionText = '';
  const selection = {
    readText: vi.fn(async () => selectionText),
    clear: vi.fn(() => void (selectionText = '')),
    write: vi.fn(async () => undefined),
    writeText: vi.fn(async () => undefined),
  };
  const clipboard = {
    write: vi.fn(async (_items: ClipboardItem[]) => undefined),
    writeText: vi.fn(async () => undefined),
    readText: vi.fn(async () => 'Authorization: Bearer abc'),
    selection,
  };
  return { clipboard, ClipboardItem, setSelection: (text: string) => void (selectionText = text) };
});
vi.mock('electron', () => ({ clipboard: electron.clipboard, ClipboardItem: electron.ClipboardItem }));

import { createElectronClipboard } from './electron-clipboard';

const HEADER = 'Authorization: Bearer abc';

function itemsWritten(): Record<string, unknown>[] {
  return electron.clipboard.write.mock.calls.map(([items]) => {
    expect(items).toHaveLength(1);
    return (items[0] as unknown as { items: Record<string, unknown> }).items;
  });
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.setSelection('');
});

describe('one write carries the text and the platform concealed marker', () => {
  it('Linux: x-kde-passwordManagerHint = secret', async () => {
    await createElectronClipboard('linux').writeText(HEADER);
    expect(itemsWritten()).toEqual([{ 'text/plain': HEADER, 'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret' }]);
    expect(electron.clipboard.writeText).not.toHaveBeenCalled();
  });

  it('macOS: org.nspasteboard.ConcealedType', async () => {
    await createElectronClipboard('darwin').writeText(HEADER);
    expect(itemsWritten()).toEqual([{ 'text/plain': HEADER, 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': 'secret' }]);
  });

  it('Windows: ExcludeClipboardContentFromMonitorProcessing, a non-empty DWORD', async () => {
    await createElectronClipboard('win32').writeText(HEADER);
    const [item] = itemsWritten();
    expect(Object.keys(item ?? {})).toEqual(['text/plain', 'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"']);
    expect(item?.['text/plain']).toBe(HEADER);
    const marker = item?.['electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"'];
    expect(marker).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (marker as Blob).arrayBuffer())]).toEqual([0, 0, 0, 0]);
  });

  it('elsewhere: the text alone, still in one write', async () => {
    await createElectronClipboard('freebsd').writeText(HEADER);
    expect(itemsWritten()).toEqual([{ 'text/plain': HEADER }]);
  });

  it('a refused write rejects, for the caller to report', async () => {
    electron.clipboard.write.mockRejectedValueOnce(new Error('clipboard busy'));
    await expect(createElectronClipboard('darwin').writeText(HEADER)).rejects.toThrow('clipboard busy');
  });
});

describe('reading and clearing', () => {
  it('reads back the system clipboard as text', async () => {
    await expect(createElectronClipboard('linux').readText()).resolves.toBe(HEADER);
    expect(electron.clipboard.readText).toHaveBeenCalledWith();
  });

  it('clearing writes an empty item, still marked', async () => {
    await createElectronClipboard('darwin').writeText('');
    expect(itemsWritten()).toEqual([{ 'text/plain': '', 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': 'secret' }]);
  });
});

describe("Linux's primary selection", () => {
  it('is never written, and is emptied when Chromium mirrored the copied text into it', async () => {
    electron.clipboard.write.mockImplementationOnce(async () => electron.setSelection(HEADER));
    await createElectronClipboard('linux').writeText(HEADER);
    expect(electron.clipboard.selection.write).not.toHaveBeenCalled();
    expect(electron.clipboard.selection.writeText).not.toHaveBeenCalled();
    expect(electron.clipboard.selection.clear).toHaveBeenCalledOnce();
  });

  it('is left alone when it holds something else (what the user selected)', async () => {
    electron.setSelection('a word the user selected');
    await createElectronClipboard('linux').writeText(HEADER);
    expect(electron.clipboard.selection.clear).not.toHaveBeenCalled();
  });

  it('is not touched on other platforms', async () => {
    await createElectronClipboard('darwin').writeText(HEADER);
    expect(electron.clipboard.selection.readText).not.toHaveBeenCalled();
  });
});
