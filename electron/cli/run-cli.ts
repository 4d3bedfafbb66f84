import { homedir } from 'node:os';
import type { KeymintCore } from '../core';
import { electronUserDataDir } from '../serve/data-dir';
import type { CliIo, Command, CommandContext } from './cli-context';
import { CliError, exitCodeOf, EXIT } from './exit-codes';
import { commandHelp, overview } from './help-text';
import { parseArgs } from './parse-args';

/**
 * Each command's code, loaded when it runs: the bundle keeps these modules in lazy wrappers
 * (scripts/build-cli.mjs), so a command pays only for what it uses.
 */
const RUN: Record<string, () => Promise<Command>> = {
  list: () => import('./commands/list').then((m) => m.list),
  presets: () => import('./commands/presets').then((m) => m.presets),
  add: () => import('./commands/provider-edits').then((m) => m.add),
  edit: () => import('./commands/provider-edits').then((m) => m.edit),
  remove: () => import('./commands/provider-edits').then((m) => m.remove),
  token: () => import('./commands/token').then((m) => m.token),
  header: () => import('./commands/token').then((m) => m.header),
  curl: () => import('./commands/token').then((m) => m.curl),
  exec: () => import('./commands/exec').then((m) => m.exec),
  kube: () => import('./commands/kube').then((m) => m.kube),
  export: () => import('./commands/transfer').then((m) => m.exportRecipes),
  import: () => import('./commands/transfer').then((m) => m.importRecipes),
  unlock: () => import('./commands/session').then((m) => m.unlock),
  lock: () => import('./commands/session').then((m) => m.lock),
  serve: () => import('./commands/serve').then((m) => m.serve),
  completion: () => import('./commands/completion').then((m) => m.completion),
};

/** Commands that never open the vault, so never load the core. */
const NO_VAULT = new Set(['presets', 'completion', 'serve', 'lock']);

/**
 * One command line, start to end: parses, runs the command on a core made for it, closes the
 * vault (writing new tokens first) and answers the exit code. Errors go to stderr in words,
 * with the core's redaction applied: no secret or token reaches them.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let core: KeymintCore | undefined;
  const say = (message: string) => void io.stderr.write(`${message}\n`);
  try {
    const parsed = parseArgs(argv);
    if ('overview' in parsed) {
      io.stdout.write(`${overview()}\n`);
      return EXIT.ok;
    }
    if (parsed.help && parsed.command.name !== 'serve') {
      io.stdout.write(`${commandHelp(parsed.command)}\n`);
      return EXIT.ok;
    }
    const vaultDir = parsed.vault ?? (io.env.KEYMINT_USER_DATA_DIR || electronUserDataDir(process.platform, io.env, homedir()));
    const log = { warn: (message: string) => say(`keymint: warning: ${message}`) };
    // The core and the unlock order, loaded only by commands that open the vault.
    await import('./one-shot-zod');
    const vault = NO_VAULT.has(parsed.command.name) ? undefined : await Promise.all([import('./compose-cli'), import('./unlock-vault')]);
    const opened = () => {
      if (!vault) throw new Error(`keymint ${parsed.command.name} does not open the vault.`);
      return { composeCliCore: vault[0].composeCliCore, unlockVault: vault[1].unlockVault };
    };
    const context: CommandContext = {
      parsed,
      io,
      vaultDir,
      core: () =>
        (core ??= opened().composeCliCore(onIo(io, { vaultDir, log }))),
      unlock: (options) =>
        opened().unlockVault(context.core(), onIo(io, { vaultDir }), options),
      say,
      print: (text) => void io.stdout.write(io.stdout.isTTY ? `${text}\n` : text),
    };
    const command = await (RUN[parsed.command.name] as () => Promise<Command>)();
    const code = await command(context);
    await core?.dispose();
    return code;
  } catch (error) {
    const disposing = core?.dispose().catch(() => undefined);
    const redact = (text: string) => (core ? core.redact(text) : text);
    const expected = error instanceof CliError || (error instanceof Error && 'code' in error);
    // An error Keymint does not expect gets its stack, for a bug report (redacted like the message).
    const text = error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error);
    say(`keymint: ${redact(text)}`);
    await disposing;
    return exitCodeOf(error);
  }
}

/**
 * `extra` beside io's fields, which are still read from io when used (through the prototype):
 * io's streams are getters, so a stream is made on first use and a command that never prompts
 * never pays for stdin.
 */
function onIo<T extends object>(io: CliIo, extra: T): CliIo & T {
  return Object.assign(Object.create(io) as CliIo, extra);
}
