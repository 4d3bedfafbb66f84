import { join } from 'node:path';
import { electronUserDataDir } from './data-dir';
import { isLoopbackAddress, NotLoopbackError } from './loopback';

/**
 * Hooks for the e2e suite, read from the environment under the same names the Electron app's
 * development overrides use, so one fixture drives both hosts. Each replaces a real part with
 * a stand-in; the served host prints which ones are on.
 */
export interface TestHooks {
  /** Backups and recipes into this folder. */
  saveDir?: string;
  /** A 0600 key file instead of the OS keyring, so specs behave alike with and without one. */
  keychainFile?: string;
  /** A scripted answer to owner questions, instead of asking in the terminal. */
  ownerAnswer?: boolean;
  /** Every API reply and pushed event, appended as JSON lines (e2e checks that no secret crosses). */
  recordIpcFile?: string;
  /** A file instead of the clipboard, for machines with no display. */
  clipboardFile?: string;
}

export interface ServeOptions {
  /** A loopback address: 127.0.0.1 unless --host names another. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Open the default browser at the sign-in link. */
  open: boolean;
  /** The vault's folder: the Electron app's, unless --data-dir or KEYMINT_USER_DATA_DIR says otherwise. */
  dataDir: string;
  /** Where exports go: there is no save dialog, so ~/Downloads. */
  saveDir: string;
  test: TestHooks;
}

export type ParsedArgs = { kind: 'serve'; options: ServeOptions } | { kind: 'help'; text: string } | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run serve -- [options]   (or: node dist/serve/serve.mjs [options])

Serves Keymint on this machine's loopback address for your browser, without Electron.

  --port N          listen on port N (default: a free port)
  --host ADDRESS    a loopback address to listen on (default 127.0.0.1; only 127.x.x.x or ::1)
  --data-dir DIR    the vault's folder (default: the desktop app's, e.g. ~/.config/Keymint)
  --no-open         print the link but do not open a browser
  --help            this text`;

export interface Environment {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

export function parseServeArgs({ argv, env, platform, home }: Environment): ParsedArgs {
  let host = '127.0.0.1';
  let port = 0;
  let open = true;
  let dataDir = env.KEYMINT_USER_DATA_DIR || electronUserDataDir(platform, env, home);
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift() as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args.shift();
    switch (flag) {
      case '--help':
      case '-h':
        return { kind: 'help', text: USAGE };
      case '--no-open':
        open = false;
        break;
      case '--port': {
        const text = value();
        const parsed = Number(text);
        if (!text || !/^\d+$/.test(text) || parsed > 65535) return { kind: 'error', message: `--port needs a port number (0-65535), not "${text ?? ''}".` };
        port = parsed;
        break;
      }
      case '--host': {
        const text = value();
        if (!text) return { kind: 'error', message: '--host needs an address.' };
        const address = text === 'localhost' ? '127.0.0.1' : text;
        if (!isLoopbackAddress(address)) return { kind: 'error', message: new NotLoopbackError(text).message };
        host = address;
        break;
      }
      case '--data-dir': {
        const text = value();
        if (!text) return { kind: 'error', message: '--data-dir needs a folder.' };
        dataDir = text;
        break;
      }
      default:
        return { kind: 'error', message: `Unknown option "${arg}".\n\n${USAGE}` };
    }
  }
  return {
    kind: 'serve',
    options: { host, port, open, dataDir, saveDir: env.KEYMINT_SAVE_DIR || join(home, 'Downloads'), test: testHooks(env) },
  };
}

function testHooks(env: NodeJS.ProcessEnv): TestHooks {
  return {
    saveDir: env.KEYMINT_SAVE_DIR || undefined,
    keychainFile: env.KEYMINT_KEYCHAIN_FILE || undefined,
    ownerAnswer: env.KEYMINT_OWNER_ANSWER ? env.KEYMINT_OWNER_ANSWER === 'yes' : undefined,
    recordIpcFile: env.KEYMINT_RECORD_IPC_FILE || undefined,
    clipboardFile: env.KEYMINT_CLIPBOARD_FILE || undefined,
  };
}

/** The environment variables behind the hooks that are on, for the line the host prints. */
export function activeHooks(hooks: TestHooks): string[] {
  const names: Record<keyof TestHooks, string> = {
    saveDir: 'KEYMINT_SAVE_DIR',
    keychainFile: 'KEYMINT_KEYCHAIN_FILE',
    ownerAnswer: 'KEYMINT_OWNER_ANSWER',
    recordIpcFile: 'KEYMINT_RECORD_IPC_FILE',
    clipboardFile: 'KEYMINT_CLIPBOARD_FILE',
  };
  return (Object.keys(names) as (keyof TestHooks)[]).filter((key) => hooks[key] !== undefined).map((key) => names[key]);
}
