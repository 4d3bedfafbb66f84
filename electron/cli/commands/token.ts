import type { Credential } from '../../core';
import type { CredentialFormat } from '../../../shared/tokens/credential-format';
import type { Command, CommandContext } from '../cli-context';
import { curlArguments } from '../curl-arguments';
import { parseDuration } from '../duration';
import { findProvider } from '../find-provider';
import { stringOption } from '../parse-args';
import { withSpinner } from '../spinner';

/** Unless --min-valid says otherwise, a held token serves while it lasts another minute. */
export const DEFAULT_MIN_VALID_SECONDS = 60;

/**
 * The named provider's credential in `format`: the held token while it stays valid for
 * --min-valid, else a new one, which the core writes back to the vault for the app and the
 * next command. A provider's refusal is exit 4, with its (redacted) words.
 */
export async function credentialFor(context: CommandContext, format: CredentialFormat): Promise<{ credential: Credential; providerName: string }> {
  const core = context.core();
  const provider = findProvider(core, context.parsed.positionals[0] as string);
  const minValid = stringOption(context.parsed, 'min-valid');
  const minValidSeconds = minValid === undefined ? DEFAULT_MIN_VALID_SECONDS : parseDuration(minValid, 'min-valid');
  await context.unlock();
  const credential = await withSpinner(context.io.stderr, `Asking ${provider.name} for a token…`, core.tokens.credential(provider.id, format, { minValidSeconds }));
  return { credential, providerName: provider.name };
}

function tokenCommand(fixed?: CredentialFormat): Command {
  return async (context) => {
    const asked = fixed ?? ((stringOption(context.parsed, 'format') ?? 'raw') as CredentialFormat | 'json');
    if (asked === 'curl') {
      // Made from the header line: what curl $(keymint curl NAME) needs differs from what is pasted (curl-arguments.ts).
      const { credential } = await credentialFor(context, 'header');
      context.print(curlArguments(credential.text));
      return 0;
    }
    const { credential } = await credentialFor(context, asked === 'json' ? 'raw' : asked);
    if (asked !== 'json') {
      context.print(credential.text);
      return 0;
    }
    const { text, expiresAt, expirySource, obtainedAt, cached } = credential;
    context.print(JSON.stringify({ token: text, expiresAt, expirySource, obtainedAt, cached }));
    return 0;
  };
}

/** `keymint token NAME [--min-valid 60s] [--format raw|header|curl|export|json]` */
export const token = tokenCommand();
/** `keymint header NAME`: `Authorization: Bearer …` */
export const header = tokenCommand('header');
/** `keymint curl NAME`: `--oauth2-bearer …`, for curl $(keymint curl NAME) URL. */
export const curl = tokenCommand('curl');
