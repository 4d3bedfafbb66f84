import clipboardy from 'clipboardy';
import { AppError, type ClipboardPort } from '../core';

/** What a copy says where there is nothing to copy to (the core prefixes "Nothing copied: "). */
export const NO_CLIPBOARD =
  'this machine has no clipboard Keymint can write (no X display or Wayland session). Run Keymint on the computer you paste on, or inside its desktop session.';

/** The part of clipboardy used here; a test can hand in its own. */
export interface ClipboardLibrary {
  write(text: string): Promise<void>;
  read(): Promise<string>;
}

export interface SystemClipboardOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  library?: ClipboardLibrary;
}

/**
 * Whether a desktop session is there to hold a clipboard. Only Linux can lack one: without
 * DISPLAY or WAYLAND_DISPLAY (and outside WSL, whose clipboard is Windows'), xsel and wl-copy
 * have nothing to talk to.
 */
export function hasClipboard(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY || env.WSL_DISTRO_NAME);
}

/**
 * The clipboard of the machine Keymint runs on, for hosts without Electron (the served host),
 * through clipboardy: xsel or wl-clipboard on Linux, pbcopy on macOS, its own helper on Windows.
 * Always the CLIPBOARD selection, never the middle-click one. Unlike Electron's clipboard it
 * cannot add the concealed marker beside the text, so clipboard managers may record a copy.
 *
 * Failures are reported in words and never quote the tool's output, which could echo the text.
 */
export function createSystemClipboard(options: SystemClipboardOptions = {}): ClipboardPort {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const library = options.library ?? clipboardy;
  const usable = () => {
    if (!hasClipboard(platform, env)) throw new AppError('internal', NO_CLIPBOARD);
  };
  return {
    async writeText(text) {
      usable();
      try {
        await library.write(text);
      } catch (error) {
        throw new AppError('internal', describeFailure(error, 'write'));
      }
    },
    async readText() {
      usable();
      try {
        return await library.read();
      } catch (error) {
        throw new AppError('internal', describeFailure(error, 'read'));
      }
    },
  };
}

function describeFailure(error: unknown, action: 'read' | 'write'): string {
  const message = error instanceof Error ? error.message : '';
  if (/display server|can't open display/i.test(message)) return NO_CLIPBOARD;
  if (/find the `xsel` binary/i.test(message)) return 'the clipboard tool xsel is missing (on Debian or Ubuntu: sudo apt install xsel).';
  if (/wl-clipboard|wl-copy|wl-paste/i.test(message)) return 'the Wayland clipboard tools are missing (on Debian or Ubuntu: sudo apt install wl-clipboard).';
  return `the system clipboard could not be ${action === 'write' ? 'written' : 'read'}. Try again.`;
}
