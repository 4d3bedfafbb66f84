import type { TokenHttpReply } from '../http/token-http-client';
import { parseWwwAuthenticate } from './www-authenticate';

/** An OAuth error reply (RFC 6749 §5.2), from the JSON body or else the WWW-Authenticate header. */
export interface OAuthError {
  code: string;
  description?: string;
  uri?: string;
  from: 'body' | 'header';
}

/** §5.2's character set for `error` (printable ASCII without `"` and `\`), and a sane length. */
const ERROR_CODE = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,128}$/;

/** The body wins: it is where §5.2 puts the error; the header is for servers that leave the body empty. */
export function readOAuthError(reply: TokenHttpReply): OAuthError | undefined {
  return fromBody(reply.text) ?? fromHeader(reply.headers.get('www-authenticate'));
}

function fromBody(body: string): OAuthError | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  const code = record.error;
  if (typeof code !== 'string' || !ERROR_CODE.test(code)) return undefined;
  return { code, description: text(record.error_description), uri: text(record.error_uri), from: 'body' };
}

function fromHeader(header: string | null): OAuthError | undefined {
  for (const challenge of parseWwwAuthenticate(header)) {
    const code = challenge.params.get('error');
    if (code === undefined || !ERROR_CODE.test(code)) continue;
    return { code, description: text(challenge.params.get('error_description')), uri: text(challenge.params.get('error_uri')), from: 'header' };
  }
  return undefined;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
