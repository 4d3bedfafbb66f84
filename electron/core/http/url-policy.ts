import { checkTokenUrlPolicy } from '../../../shared/recipes/token-url-policy';
import { TokenError } from '../exchange-errors/token-error';

/** The shared policy (the form checks it too), as the error the token client reports. */
export function checkTokenUrl(raw: string): URL {
  const checked = checkTokenUrlPolicy(raw);
  if (checked.ok) return checked.url;
  throw new TokenError(checked.insecure ? 'insecure-url' : 'config', checked.problem);
}
