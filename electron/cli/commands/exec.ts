import { tokenVariableName } from '../../../shared/tokens/credential-format';
import type { Command } from '../cli-context';
import { usageError } from '../exit-codes';
import { stringOption } from '../parse-args';
import { runChild } from '../run-child';
import { credentialFor } from './token';

/**
 * `keymint exec NAME [--env VAR] -- COMMAND …`: the command runs with a fresh token in VAR
 * (default NAME_TOKEN), its exit code and signals passed through. The vault is closed before
 * the command starts; the command never sees KEYMINT_PASSPHRASE.
 */
export const exec: Command = async (context) => {
  const variable = stringOption(context.parsed, 'env');
  if (variable !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw usageError(`--env takes a variable name (letters, digits, _); not "${variable}".`);
  const { credential, providerName } = await credentialFor(context, 'raw');
  await context.core().dispose();
  const env: NodeJS.ProcessEnv = { ...context.io.env, [variable ?? tokenVariableName(providerName)]: credential.text };
  delete env.KEYMINT_PASSPHRASE;
  const [command, ...args] = context.parsed.rest as [string, ...string[]];
  return runChild(command, args, env);
};
