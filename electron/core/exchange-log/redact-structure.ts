import type { SecretRegistry } from '../redaction/secret-registry';

export const REDACTED = '[redacted]';

/** Names of fields whose values are credentials, whatever the provider calls them. */
const SENSITIVE_NAME = /token|secret|password|passwd|assertion|api[-_]?key|credential|authori[sz]ation|cookie|signature|private|session/i;
/** Names that contain such a word but describe a credential instead of holding one. */
const DESCRIPTIVE_NAME = /(^|[-_])?(type|expires?([-_]?(in|at|on))?|lifetime|ttl)$/i;

/** Three base64url parts, the first a JSON object: a JWT, whoever issued it. */
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)?/g;

/** Deeper than this, a reply is not a token reply: its inner levels are not shown. */
const MAX_DEPTH = 20;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name) && !DESCRIPTIVE_NAME.test(name);
}

/** A value in free text: known secrets in their usual spellings, and anything shaped like a JWT. */
export function redactText(text: string, secrets: SecretRegistry): string {
  if (secrets.isSecret(text)) return REDACTED;
  return secrets.redactLiterally(text).replace(JWT, '[redacted JWT]');
}

/** One named value (a header, a form field, a JSON property): a credential's name hides its value whole. */
export function redactNamed(name: string, value: string, secrets: SecretRegistry): string {
  return value !== '' && isSensitiveName(name) ? REDACTED : redactText(value, secrets);
}

/**
 * A parsed JSON value with every credential replaced: values under credential names, known
 * secrets, JWTs. Numbers and booleans stay (expiries, flags); key names are kept as sent.
 */
export function redactJson(value: unknown, secrets: SecretRegistry, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep: not shown]';
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets, depth + 1));
  // No prototype: a reply's "__proto__" key is copied as a key, not made the object's prototype.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, inner] of Object.entries(value)) {
    out[key] = typeof inner === 'string' && inner !== '' && isSensitiveName(key) ? REDACTED : redactJson(inner, secrets, depth + 1);
  }
  return out;
}
