import type { App } from 'electron';

/**
 * Switches that hand a debugger the main process, and with it the vault and the keychain:
 * Chromium's DevTools protocol (`--remote-debugging-port`, `--remote-debugging-pipe`) and Node's
 * inspector (`--inspect`, `--inspect-brk`, `--inspect-port`…, `--debug-port`). The fuse
 * EnableNodeCliInspectArguments already disarms Node's; no fuse covers Chromium's.
 */
function isDebuggingSwitch(name: string): boolean {
  return name.startsWith('remote-debugging-') || name.startsWith('inspect') || name === 'debug-port';
}

/** What Chromium's own parser would see: `--x`, `-x` and, on Windows, `/x`, case-folded; nothing after `--`. */
function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const prefix = /^--?/.exec(arg)?.[0] ?? (platform === 'win32' && arg.startsWith('/') ? '/' : null);
  if (!prefix || arg.length === prefix.length) return null;
  return arg.slice(prefix.length).split('=')[0]!.toLowerCase();
}

/** The debugging switches on a command line (`process.argv`: the executable first), as written there. */
export function debuggingSwitches(argv: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const name = switchName(arg, platform);
    if (name !== null && isDebuggingSwitch(name)) found.push(arg.split('=')[0]!);
  }
  return found;
}

/** Chromium's parsed command line too, in case it reads a form the scan above does not. */
const CHROMIUM_NAMES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port'];

/**
 * A packaged Keymint refuses to run under a debugger it did not ask for: malware running as the
 * user could otherwise start it with one attached and read tokens and keys out of the process.
 * Says why on stderr and returns true; the caller quits before anything opens. An unpackaged
 * (development) app is left alone.
 */
export function refuseDebuggingWhenPackaged(
  app: Pick<App, 'isPackaged' | 'commandLine'>,
  argv: readonly string[],
  report: (message: string) => void = (message) => console.error(message),
): boolean {
  if (!app.isPackaged) return false;
  const found = new Set(debuggingSwitches(argv));
  for (const name of CHROMIUM_NAMES) if (app.commandLine.hasSwitch(name)) found.add(`--${name}`);
  if (found.size === 0) return false;
  report(`Keymint will not start with a debugger attached (${[...found].join(', ')}): it holds your API keys and tokens.`);
  return true;
}
