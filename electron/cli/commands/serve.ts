import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../cli-context';
import { CliError, EXIT } from '../exit-codes';
import { runChild } from '../run-child';

/** The served host's bundle: beside this one in dist/, or in dist/ when this runs from source. */
function servedHostEntry(): string | undefined {
  const here = import.meta.dirname;
  return [join(here, '../serve/serve.mjs'), join(here, '../../dist/serve/serve.mjs')].find((path) => existsSync(path));
}

/**
 * `keymint serve [options]`: the served host, as `npm run serve` starts it (its own bundle,
 * beside the page it serves), on this vault. Its options and --help are its own.
 */
export const serve: Command = async (context) => {
  const entry = servedHostEntry();
  if (!entry) throw new CliError(EXIT.failed, 'The served host is not built: run npm run build first.');
  const vault = context.parsed.vault ? ['--data-dir', context.parsed.vault] : [];
  return runChild(process.execPath, [entry, ...vault, ...context.parsed.rest], context.io.env);
};
