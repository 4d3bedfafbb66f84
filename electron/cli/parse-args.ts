import { COMMANDS, findCommand, type CommandSpec, type OptionSpec } from './command-specs';
import { usageError } from './exit-codes';

export interface ParsedCommand {
  command: CommandSpec;
  positionals: string[];
  /** By option name: a string, a list for repeated options, true for a switch. */
  options: Record<string, string | string[] | true>;
  /** After `--` (exec), or every argument after `serve`. */
  rest: string[];
  vault?: string;
  help: boolean;
}

export type Parsed = ParsedCommand | { overview: true };

/** `--name value`, `--name=value`, switches, repeats and `--`; anything unknown is a usage error (exit 2). */
export function parseArgs(argv: readonly string[]): Parsed {
  const args = [...argv];
  let vault: string | undefined;
  // Global options may come before the command.
  while (args[0]?.startsWith('-')) {
    const arg = args.shift() as string;
    if (arg === '--help' || arg === '-h') return { overview: true };
    const [flag, inline] = splitInline(arg);
    if (flag !== '--vault') throw usageError(`Unknown option "${arg}" before the command. Run keymint --help.`);
    vault = valueOf('vault', inline, args);
  }
  const name = args.shift();
  if (name === undefined || name === 'help') {
    const about = name === 'help' ? args[0] : undefined;
    if (about !== undefined) return { command: known(about), positionals: [], options: {}, rest: [], vault, help: true };
    return { overview: true };
  }
  const command = known(name);
  const parsed: ParsedCommand = { command, positionals: [], options: {}, rest: [], vault, help: false };
  if (command.name === 'serve') {
    // The served host parses its own options.
    parsed.rest = args;
    parsed.help = args.includes('--help') || args.includes('-h');
    return parsed;
  }
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--') {
      if (!command.rest) throw usageError(`keymint ${command.name} takes no command after "--".`);
      parsed.rest = args.splice(0);
      break;
    }
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const [flag, inline] = splitInline(arg);
    const optionName = flag.slice(2);
    if (optionName === 'vault') {
      parsed.vault = valueOf('vault', inline, args);
      continue;
    }
    const spec = command.options.find((option) => option.name === optionName);
    if (!spec) throw usageError(`keymint ${command.name} has no option "${flag}". Run keymint ${command.name} --help.`);
    setOption(parsed, spec, inline, args);
  }
  if (parsed.help) return parsed;
  const required = command.positionals.filter((p) => !p.optional).length;
  if (parsed.positionals.length < required || parsed.positionals.length > command.positionals.length) {
    throw usageError(`Usage: keymint ${command.name} ${command.args}`);
  }
  if (command.rest && command.name !== 'serve' && parsed.rest.length === 0) throw usageError(`Usage: keymint ${command.name} ${command.args}`);
  return parsed;
}

function known(name: string): CommandSpec {
  const command = findCommand(name);
  if (!command) throw usageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
  return command;
}

function splitInline(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return arg.startsWith('--') && at > 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, undefined];
}

function valueOf(name: string, inline: string | undefined, args: string[]): string {
  const value = inline ?? args.shift();
  if (value === undefined || value === '') throw usageError(`--${name} needs a value.`);
  return value;
}

function setOption(parsed: ParsedCommand, spec: OptionSpec, inline: string | undefined, args: string[]): void {
  if (!spec.value) {
    if (inline !== undefined) throw usageError(`--${spec.name} takes no value.`);
    parsed.options[spec.name] = true;
    return;
  }
  const value = valueOf(spec.name, inline, args);
  if (spec.choices && !spec.choices.includes(value)) throw usageError(`--${spec.name} takes ${spec.choices.join(', ')}; not "${value}".`);
  if (spec.repeat) {
    const list = parsed.options[spec.name];
    parsed.options[spec.name] = [...(Array.isArray(list) ? list : []), value];
  } else {
    if (parsed.options[spec.name] !== undefined) throw usageError(`--${spec.name} is given twice.`);
    parsed.options[spec.name] = value;
  }
}

/** A single-valued option, when given. */
export function stringOption(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(parsed: ParsedCommand, name: string): string[] {
  const value = parsed.options[name];
  return Array.isArray(value) ? value : [];
}

