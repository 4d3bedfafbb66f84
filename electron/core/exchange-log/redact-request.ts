import type { ExchangeView } from '../../../shared/ipc/details-view';
import type { TokenHttpRequest } from '../http/token-http-client';
import type { SecretRegistry } from '../redaction/secret-registry';
import { safeText } from './hostile-text';
import { REDACTED, redactJson, redactNamed, redactText } from './redact-structure';

/** A request is ours, but its values were typed by someone: shown up to this many characters. */
const MAX_REQUEST_CHARS = 4096;

/** The redaction markers, once form-encoded. */
const ENCODED_MARKER = /%5B(redacted(?:%20JWT)?)%5D/g;

/** Headers whose whole value is a credential, whatever it looks like. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** The request as it went out, with every credential replaced; the auth scheme (Basic, Bearer) is kept. */
export function redactRequest(request: TokenHttpRequest, authHeader: string, secrets: SecretRegistry): ExchangeView['request'] {
  const show = (text: string) => safeText(text, MAX_REQUEST_CHARS).text;
  const headers: [string, string][] = Object.entries(request.headers).map(([name, value]) => {
    const credential = CREDENTIAL_HEADERS.has(name.toLowerCase()) || name.toLowerCase() === authHeader.toLowerCase();
    return [show(name), show(credential ? redactCredential(value) : redactNamed(name, value, secrets))];
  });
  return {
    method: show(request.method),
    url: show(redactText(request.url.href, secrets)),
    headers,
    body: request.body === undefined ? null : show(redactBody(request.body, secrets)),
  };
}

/** "Basic dXNlcjpwYXNz" -> "Basic [redacted]": the scheme says how the request authenticated, the rest is the secret. */
function redactCredential(value: string): string {
  const scheme = /^([A-Za-z][\w-]*) \S/.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

function redactBody(body: string | URLSearchParams | FormData, secrets: SecretRegistry): string {
  if (typeof body === 'string') {
    try {
      return JSON.stringify(redactJson(JSON.parse(body), secrets), null, 2);
    } catch {
      return redactText(body, secrets);
    }
  }
  const fields: string[] = [];
  if (body instanceof URLSearchParams) {
    // As sent (form-encoded), except that the marker stays readable.
    for (const [name, value] of body) {
      const shown = redactNamed(name, value, secrets);
      fields.push(`${encodeURIComponent(name)}=${encodeURIComponent(shown).replace(ENCODED_MARKER, (_, word: string) => `[${decodeURIComponent(word)}]`)}`);
    }
    return fields.join('&');
  }
  for (const [name, value] of body) {
    fields.push(`${name}: ${typeof value === 'string' ? redactNamed(name, value, secrets) : '[file]'}`);
  }
  return `multipart/form-data\n${fields.join('\n')}`;
}
