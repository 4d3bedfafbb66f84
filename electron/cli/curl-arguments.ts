import { shellQuote } from '../../shared/tokens/credential-format';

/**
 * The header as curl arguments that survive `curl $(keymint curl NAME) URL`: a command
 * substitution is split at spaces and its quotes are not read, so the words must hold none.
 * A Bearer token becomes `--oauth2-bearer TOKEN` (curl sends `Authorization: Bearer TOKEN`), a
 * header without a scheme `-HName:TOKEN`. Tokens are RFC 6750 b64token and header names RFC
 * 9110 tokens (the core checks both), so neither holds a space or a quote. Only a scheme other
 * than Bearer needs the space inside one word: then the quoted form, for `eval` or pasting.
 */
export function curlArguments(headerLine: string): string {
  const colon = headerLine.indexOf(': ');
  const name = headerLine.slice(0, colon);
  const value = headerLine.slice(colon + 2);
  const bearer = /^Bearer (\S+)$/.exec(value);
  if (name.toLowerCase() === 'authorization' && bearer) return `--oauth2-bearer ${bearer[1]}`;
  if (!/\s/.test(value)) return `-H${name}:${value}`;
  return `-H ${shellQuote(headerLine)}`;
}
