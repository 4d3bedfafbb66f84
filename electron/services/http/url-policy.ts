import { TokenError } from '../tokens/token-error';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Credentials travel only over https; plain http is allowed for servers on this machine. */
export function checkTokenUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TokenError('config', `"${raw}" is not a valid URL.`);
  }
  if (url.username || url.password) throw new TokenError('config', 'Put credentials in the fields, not in the URL.');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') {
    throw new TokenError('insecure-url', `Refusing plain http to ${url.host}: use https (http is allowed only for localhost).`);
  }
  throw new TokenError('config', `Unsupported URL scheme "${url.protocol}": use https.`);
}
