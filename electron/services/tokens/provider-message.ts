
/**
 * The provider's own words from an error reply, in any of the shapes providers use:
 * `{message}`, `{error, error_description}`, `[{errorCode, message}]`, `{errors:[...]}`, text.
 */
export function providerMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return /^<(!doctype|html)/i.test(trimmed) ? undefined : clip(trimmed);
  }
  const found = fromJson(parsed);
  return found ? clip(found) : undefined;
}

function fromJson(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (Array.isArray(value)) {
    const messages = value.map(fromJson).filter((m): m is string => Boolean(m));
    return messages.length ? messages.join('; ') : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' && record[key] ? (record[key] as string) : undefined);
  if (text('error_description')) return text('error') ? `${text('error_description')} (${text('error')})` : text('error_description');
  const message = text('message') ?? text('Message') ?? text('detail') ?? text('title');
  if (message) return text('errorCode') ? `${message} (${text('errorCode')})` : message;
  if (text('error')) return text('error');
  if (record.error && typeof record.error === 'object') return fromJson(record.error);
  if (Array.isArray(record.errors)) return fromJson(record.errors);
  return undefined;
}

/** Cuts long messages between words: a secret the provider echoed must be shown whole (so it
 * can be redacted) or not at all, never as a prefix. */
function clip(text: string): string | undefined {
  const oneLine = text.replace(/\s+/g, ' ');
  if (oneLine.length <= 300) return oneLine;
  const cut = oneLine.slice(0, 301).lastIndexOf(' ');
  return cut > 0 ? `${oneLine.slice(0, cut)}…` : undefined;
}

/** What to do next, by status. */
export function statusHint(status: number, retryAfterSeconds: number | undefined): string {
  if (status === 400) return 'The provider says the request is incomplete or malformed; check the fields.';
  if (status === 401) return 'Check the key and secret.';
  if (status === 403) return 'The provider says these credentials are not allowed to do this.';
  if (status === 404) return 'Not found: check the key, tenant or client, and the base URL.';
  if (status === 429) {
    return retryAfterSeconds === undefined ? 'Rate limited: wait a moment and retry.' : `Rate limited: retry in ${retryAfterSeconds} s.`;
  }
  if (status >= 500) return 'The provider is having trouble; try again later.';
  return 'Unexpected answer from the provider.';
}
