import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './command-specs';

const optionLine = (option: OptionSpec) => `  --${option.name}${option.value ? ` ${option.value}` : ''}`.padEnd(26) + option.help;

export function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage: keymint [--vault DIR] COMMAND [options]',
    '',
    'The providers, vault and fresh tokens of the Keymint app, in your terminal and scripts.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Options:',
    ...GLOBAL_OPTIONS.map(optionLine),
    '',
    'The vault opens with KEYMINT_SESSION (see keymint unlock), else the system keyring where the',
    'vault has that slot, else KEYMINT_PASSPHRASE or a prompt.',
    'Exit codes: 0 ok, 2 usage, 3 locked or wrong passphrase, 4 provider error, 5 no such provider.',
    'Run keymint COMMAND --help for a command.',
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  return [
    `Usage: keymint ${command.name} ${command.args}`.trimEnd(),
    '',
    `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.options.length ? ['', 'Options:', ...command.options.map(optionLine)] : []),
    ...GLOBAL_OPTIONS.map(optionLine),
    ...(command.notes ? ['', command.notes] : []),
  ].join('\n');
}
