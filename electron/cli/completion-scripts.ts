import { COMMANDS, GLOBAL_OPTIONS } from './command-specs';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const withProvider = COMMANDS.filter((c) => c.takesProvider).map((c) => c.name);
const optionsOf = (name: string) => [...(COMMANDS.find((c) => c.name === name)?.options ?? []), ...GLOBAL_OPTIONS].map((o) => `--${o.name}`);

/**
 * Completion for commands, their options, and provider names (from `keymint list --names`,
 * which reads no secret and needs no unlock). Generated from command-specs, so it cannot
 * drift from what the parser takes.
 */
export function completionScript(shell: Shell): string {
  const names = COMMANDS.map((c) => c.name).join(' ');
  switch (shell) {
    case 'bash':
      return `# keymint completion for bash: eval "$(keymint completion bash)"
_keymint() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${names} --help --vault" -- "$cur")); return; fi
  case "$cur" in -*)
    case "$cmd" in
${COMMANDS.map((c) => `      ${c.name}) COMPREPLY=($(compgen -W "${optionsOf(c.name).join(' ')}" -- "$cur"));;`).join('\n')}
    esac; return;;
  esac
  case "$cmd" in
    ${withProvider.join('|')})
      if [ "$COMP_CWORD" -eq 2 ]; then local IFS=$'\\n'; COMPREPLY=($(compgen -W "$(keymint list --names 2>/dev/null)" -- "$cur")); fi;;
    completion) COMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur"));;
    add) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$(keymint presets --json 2>/dev/null | sed -n 's/^    "id": "\\(.*\\)",$/\\1/p')" -- "$cur"));;
    import) COMPREPLY=($(compgen -f -- "$cur"));;
  esac
}
complete -F _keymint keymint
`;
    case 'zsh':
      return `#compdef keymint
# keymint completion for zsh: eval "$(keymint completion zsh)"
_keymint() {
  local -a commands
  commands=(${COMMANDS.map((c) => `'${c.name}:${c.summary.replace(/'/g, '')}'`).join(' ')})
  if (( CURRENT == 2 )); then _describe 'command' commands; return; fi
  case "$words[CURRENT]" in -*)
    case "$words[2]" in
${COMMANDS.map((c) => `      ${c.name}) compadd -- ${optionsOf(c.name).join(' ')};;`).join('\n')}
    esac; return;;
  esac
  case "$words[2]" in
    ${withProvider.join('|')}) (( CURRENT == 3 )) && compadd -- \${(f)"$(keymint list --names 2>/dev/null)"};;
    completion) compadd -- ${SHELLS.join(' ')};;
    import) _files;;
  esac
}
compdef _keymint keymint
`;
    case 'fish':
      return `# keymint completion for fish: keymint completion fish | source
complete -c keymint -f
${COMMANDS.map((c) => `complete -c keymint -n __fish_use_subcommand -a ${c.name} -d '${c.summary.replace(/'/g, '')}'`).join('\n')}
complete -c keymint -n '__fish_seen_subcommand_from ${withProvider.join(' ')}' -a '(keymint list --names 2>/dev/null)'
complete -c keymint -n '__fish_seen_subcommand_from completion' -a '${SHELLS.join(' ')}'
complete -c keymint -n '__fish_seen_subcommand_from import' -F
${COMMANDS.flatMap((c) => c.options.map((o) => `complete -c keymint -n '__fish_seen_subcommand_from ${c.name}' -l ${o.name}${o.value ? ' -r' : ''} -d '${o.help.replace(/'/g, '')}'`)).join('\n')}
complete -c keymint -l vault -r -d 'the vault folder'
`;
  }
}
