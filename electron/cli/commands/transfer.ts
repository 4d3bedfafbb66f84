import { readFile } from 'node:fs/promises';
import type { Command } from '../cli-context';
import { CliError, EXIT, usageError } from '../exit-codes';

/** `keymint export --recipes`: the providers as a shared recipes file on stdout (no secret values: each person adds their own). */
export const exportRecipes: Command = async (context) => {
  if (!context.parsed.options.recipes) throw usageError('keymint export --recipes: the command line exports only recipes (no secrets); backups with secrets are made in the app.');
  // The core writes it through the CLI's save port: stdout.
  await context.core().transfer.exportRecipes();
  return 0;
};

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

/** `keymint import FILE|- [--replace]`: adds a recipes file's providers; secret values in it are dropped, never stored. */
export const importRecipes: Command = async (context) => {
  const file = context.parsed.positionals[0] as string;
  let content: string;
  try {
    content = file === '-' ? await readAll(context.io.stdin) : await readFile(file, 'utf8');
  } catch {
    throw new CliError(EXIT.failed, `Could not read ${file}.`);
  }
  const core = context.core();
  await context.unlock();
  const result = core.transfer.importRecipes({ content, duplicates: context.parsed.options.replace ? 'replace' : 'skip' });
  context.say(`Added ${result.added}, replaced ${result.replaced}, skipped ${result.skipped}.${result.hosts.length ? ` Their keys go to: ${result.hosts.join(', ')}.` : ''}`);
  if (result.droppedSecrets.length) context.say(`Secret values in the file were dropped, not stored: ${result.droppedSecrets.join(', ')}. Add your own with keymint edit NAME --field KEY=@prompt.`);
  return 0;
};

