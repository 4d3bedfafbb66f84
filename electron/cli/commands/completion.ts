import type { Command } from '../cli-context';
import { completionScript, SHELLS, type Shell } from '../completion-scripts';
import { usageError } from '../exit-codes';

/** `keymint completion bash|zsh|fish` */
export const completion: Command = async (context) => {
  const shell = context.parsed.positionals[0] as string;
  if (!(SHELLS as readonly string[]).includes(shell)) throw usageError(`keymint completion takes ${SHELLS.join(', ')}; not "${shell}".`);
  context.io.stdout.write(completionScript(shell as Shell));
  return 0;
};
