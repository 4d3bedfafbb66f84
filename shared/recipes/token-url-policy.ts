const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export type TokenUrlCheck = { ok: true; url: URL } | { ok: false; insecure: boolean; problem: string };

/** Credentials travel only over https; plain http is allowed for servers on this machine. */
export function checkTokenUrlPolicy(raw: string): TokenUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, insecure: false, problem: `"${raw}" is not a full web address, e.g. https://api.example.com` };
  }
  if (url.username || url.password) return { ok: false, insecure: false, problem: 'Put credentials in the fields, not in the URL.' };
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return { ok: true, url };
  if (url.protocol === 'http:') {
    return { ok: false, insecure: true, problem: `Refusing plain http to ${url.host}: use https (http is allowed only for localhost).` };
  }
  return { ok: false, insecure: false, problem: `Unsupported URL scheme "${url.protocol}": use https.` };
}

/** A URL's origin when the policy allows it, else undefined (the URL check reports why). */
export function allowedOrigin(raw: string): string | undefined {
  const checked = checkTokenUrlPolicy(raw.trim());
  return checked.ok ? checked.url.origin : undefined;
}
