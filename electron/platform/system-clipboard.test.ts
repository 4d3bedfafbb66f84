import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core';
import { createSystemClipboard, hasClipboard, NO_CLIPBOARD, type ClipboardLibrary } from './system-clipboard';

const SECRET = 'Authorization: Bearer eyJ.secret.token';

function failingLibrary(message: string): ClipboardLibrary {
  return {
    write: () => Promise.reject(new Error(message)),
    read: () => Promise.reject(new Error(message)),
  };
}

function xclipInstalled(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v xclip'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the system clipboard (clipboardy)', () => {
  it('knows a Linux machine without X or Wayland has no clipboard; WSL, macOS and Windows have one', () => {
    expect(hasClipboard('linux', {})).toBe(false);
    expect(hasClipboard('linux', { DISPLAY: '' })).toBe(false);
    expect(hasClipboard('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasClipboard('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasClipboard('linux', { WSL_DISTRO_NAME: 'Debian' })).toBe(true);
    expect(hasClipboard('darwin', {})).toBe(true);
    expect(hasClipboard('win32', {})).toBe(true);
  });

  it('refuses to copy where there is no clipboard, saying so, without calling the tool', async () => {
    let called = false;
    const library: ClipboardLibrary = { write: async () => void (called = true), read: async () => '' };
    const clipboard = createSystemClipboard({ platform: 'linux', env: {}, library });
    const error = await clipboard.writeText(SECRET).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(NO_CLIPBOARD);
    expect(called).toBe(false);
  });

  it("turns the library's failures into plain words that never quote what was written", async () => {
    const cases: [string, RegExp][] = [
      ["Clipboard access requires a display server (X11 or Wayland). This doesn't work in headless environments", /no X display or Wayland session/],
      ["Couldn't find the `xsel` binary and fallback didn't work.", /xsel is missing/],
      [`Both xsel and fallback failed: ${SECRET}`, /could not be written/],
    ];
    for (const [message, expected] of cases) {
      const clipboard = createSystemClipboard({ platform: 'linux', env: { DISPLAY: ':0' }, library: failingLibrary(message) });
      const error = (await clipboard.writeText(SECRET).catch((reason: unknown) => reason)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.message).toMatch(expected);
      expect(error.message).not.toContain('secret.token');
    }
  });

  const x = process.env.DISPLAY && xclipInstalled();
  if (!x) console.warn(`[system-clipboard.test] skipping the real X clipboard test: ${process.env.DISPLAY ? 'xclip is not installed' : 'no X display (DISPLAY is not set)'}; .ci/run runs the suite under Xvfb with xclip`);
  it.skipIf(!x)('writes the real X clipboard, which xclip reads back, and never the middle-click selection (needs DISPLAY and xclip)', async () => {
    const clipboard = createSystemClipboard();
    const text = `Authorization: Bearer unit-${Date.now()}`;
    await clipboard.writeText(text);
    expect(execFileSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8' })).toBe(text);
    expect(await clipboard.readText()).toBe(text);
    let primary = '';
    try {
      primary = execFileSync('xclip', ['-selection', 'primary', '-o'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      // No owner: empty.
    }
    expect(primary).not.toBe(text);
    await clipboard.writeText('');
    expect(await clipboard.readText()).toBe('');
  });
});
