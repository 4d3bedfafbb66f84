import { CREDENTIAL_FORMATS } from '../../shared/tokens/credential-format';

/**
 * What each command takes, as data: the parser, `--help` and shell completion all read it, so
 * they cannot disagree. No command's code is here.
 */
export interface OptionSpec {
  /** Without the dashes: `min-valid`. */
  name: string;
  /** The placeholder in help when the option takes a value; absent for a switch. */
  value?: string;
  /** May be given more than once (`--field K=V --field K2=V2`). */
  repeat?: boolean;
  /** The only values it takes, for checking and completion. */
  choices?: readonly string[];
  help: string;
}

export interface CommandSpec {
  name: string;
  /** The arguments after the name in the usage line. */
  args: string;
  summary: string;
  /** Positional arguments: exactly these many (the last may be optional). */
  positionals: { name: string; optional?: boolean }[];
  options: OptionSpec[];
  /** Takes everything after `--` as a command to run. */
  rest?: boolean;
  /** Completes provider names at its first positional. */
  takesProvider?: boolean;
  /** Lines after the options in its help. */
  notes?: string;
}

const TOKEN_FORMATS = [...CREDENTIAL_FORMATS, 'json'] as const;
const json: OptionSpec = { name: 'json', help: 'print JSON instead of text' };
const minValid: OptionSpec = { name: 'min-valid', value: 'DURATION', help: 'use the held token only while it stays valid this long (default 60s; e.g. 90, 5m, 1h)' };
const providerFields: OptionSpec[] = [
  { name: 'base-url', value: 'URL', help: "the provider's server (default: the preset's)" },
  { name: 'field', value: 'KEY=VALUE', repeat: true, help: 'a field value; for a secret use KEY=@env:VAR, KEY=@- (one line from stdin) or KEY=@prompt' },
];
const SECRET_NOTES = `Secret values: KEY=@env:VAR reads the variable, KEY=@- reads one line from stdin,
KEY=@prompt asks without echo. A literal KEY=VALUE works but is visible in ps and shell history.
A secret field left out is asked for when stdin is a terminal.`;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'list',
    args: '[--json|--names]',
    summary: 'providers with their token status, expiry and renewal',
    positionals: [],
    options: [json, { name: 'names', help: 'only the names, one a line (for completion)' }],
  },
  { name: 'presets', args: '[--json]', summary: 'the presets: their fields and documented hosts', positionals: [], options: [json] },
  {
    name: 'add',
    args: '<preset> --name NAME [--base-url URL] [--field KEY=VALUE …]',
    summary: 'add a provider',
    positionals: [{ name: 'preset' }],
    options: [{ name: 'name', value: 'NAME', help: "the provider's name, as commands refer to it" }, ...providerFields],
    notes: SECRET_NOTES,
  },
  {
    name: 'edit',
    args: 'NAME [--name NEW] [--base-url URL] [--field KEY=VALUE …]',
    summary: 'change a provider (fields left out keep their values)',
    positionals: [{ name: 'provider' }],
    options: [{ name: 'name', value: 'NEW', help: 'rename it' }, ...providerFields],
    takesProvider: true,
    notes: SECRET_NOTES,
  },
  { name: 'remove', args: 'NAME', summary: 'remove a provider and its token', positionals: [{ name: 'provider' }], options: [], takesProvider: true },
  {
    name: 'token',
    args: 'NAME [--min-valid 60s] [--format raw|header|curl|export|json]',
    summary: 'print a valid token (held while it lasts, else a new one)',
    positionals: [{ name: 'provider' }],
    options: [minValid, { name: 'format', value: 'FORMAT', choices: TOKEN_FORMATS, help: 'raw (default), header, curl, export or json' }],
    takesProvider: true,
    notes: 'json prints {token, expiresAt, expirySource, obtainedAt, cached}.',
  },
  { name: 'header', args: 'NAME [--min-valid 60s]', summary: 'token --format header', positionals: [{ name: 'provider' }], options: [minValid], takesProvider: true },
  {
    name: 'curl',
    args: 'NAME [--min-valid 60s]',
    summary: 'token --format curl: curl $(keymint curl NAME) URL',
    positionals: [{ name: 'provider' }],
    options: [minValid],
    takesProvider: true,
  },
  {
    name: 'exec',
    args: 'NAME [--env VAR] -- COMMAND [ARG …]',
    summary: 'run a command with a fresh token in its environment',
    positionals: [{ name: 'provider' }],
    options: [{ name: 'env', value: 'VAR', help: 'the variable to set (default: NAME_TOKEN, upper-cased)' }, minValid],
    rest: true,
    takesProvider: true,
    notes: "The command's exit code and signals pass through.",
  },
  {
    name: 'kube',
    args: 'NAME [--min-valid 60s]',
    summary: 'a Kubernetes ExecCredential, for a kubeconfig exec plugin',
    positionals: [{ name: 'provider' }],
    options: [minValid],
    takesProvider: true,
  },
  {
    name: 'export',
    args: '--recipes',
    summary: 'print the providers as a recipes file (no secret values)',
    positionals: [],
    options: [{ name: 'recipes', help: 'the secret-free recipes format (the only one the command line exports)' }],
  },
  {
    name: 'import',
    args: 'FILE [--replace]',
    summary: 'add the providers of a recipes file (FILE or - for stdin)',
    positionals: [{ name: 'file' }],
    options: [{ name: 'replace', help: 'replace providers of the same name instead of skipping them' }],
  },
  {
    name: 'unlock',
    args: '[--idle 30m]',
    summary: 'derive the key once; prints export KEYMINT_SESSION=… for eval',
    positionals: [],
    options: [{ name: 'idle', value: 'DURATION', help: 'end the session after this long unused (at most and by default 30m)' }],
    notes: 'eval "$(keymint unlock)" — the session ends after 30 minutes without use, or with keymint lock.',
  },
  { name: 'lock', args: '[--all]', summary: 'end this shell’s session (prints unset KEYMINT_SESSION)', positionals: [], options: [{ name: 'all', help: 'end every session of this vault' }] },
  { name: 'serve', args: '[serve options]', summary: 'serve the app to your browser on 127.0.0.1, as npm run serve', positionals: [], options: [], rest: true },
  {
    name: 'completion',
    args: 'bash|zsh|fish',
    summary: 'print a shell completion script',
    positionals: [{ name: 'shell' }],
    options: [],
  },
];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'vault', value: 'DIR', help: "the vault folder (default: the app's, e.g. ~/.config/Keymint)" },
  { name: 'help', help: 'help for the command' },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
