/**
 * The ways a credential is handed out: the header line (what Copy puts on the clipboard), the
 * raw token, a `curl -H` argument, and a shell `export`. Pure and shared, so the clipboard, the
 * served host and the CLI format a token alike. Callers pass only tokens that passed the
 * RFC 6750 `b64token` check and header names that are RFC 9110 tokens; quoting is still
 * applied so nothing a shell reads can break out of its word.
 */
export type CredentialFormat = 'header' | 'raw' | 'curl' | 'export';

export const CREDENTIAL_FORMATS = ['header', 'raw', 'curl', 'export'] as const satisfies readonly CredentialFormat[];

export interface CredentialHeader {
  /** e.g. "Authorization" or "X-Shop-Access-Token". */
  name: string;
  /** e.g. "Bearer"; empty for a raw token in the header. */
  scheme: string;
}

export interface CredentialSource {
  token: string;
  header: CredentialHeader;
  /** The provider's name, for the variable an `export` sets (`BILLING_EU_TOKEN`). */
  providerName: string;
}

/** `Authorization: Bearer <token>`. */
export function headerLine({ token, header }: CredentialSource): string {
  return `${header.name}: ${header.scheme ? `${header.scheme} ${token}` : token}`;
}

/** POSIX shell single quotes: everything literal; a `'` closes, is escaped, and reopens. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `BILLING_EU_TOKEN` from "Billing (EU)": upper-case letters, digits and `_`, never a leading digit. */
export function tokenVariableName(providerName: string): string {
  const words = providerName
    .normalize('NFKD')
    // Accents come apart under NFKD; dropping the marks keeps "Café" as CAFE.
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  const base = words || 'PROVIDER';
  return `${/^[0-9]/.test(base) ? `_${base}` : base}_TOKEN`;
}

export function formatCredential(source: CredentialSource, format: CredentialFormat): string {
  switch (format) {
    case 'header':
      return headerLine(source);
    case 'raw':
      return source.token;
    case 'curl':
      return `-H ${shellQuote(headerLine(source))}`;
    case 'export':
      return `export ${tokenVariableName(source.providerName)}=${shellQuote(source.token)}`;
  }
}

/** What a copy in `format` holds, in words for its button and its confirmation: "X-Shop-Access-Token", "curl -H option". */
export function credentialLabel(header: CredentialHeader, format: CredentialFormat): string {
  switch (format) {
    case 'header':
      return header.name;
    case 'raw':
      return 'raw token';
    case 'curl':
      return 'curl -H option';
    case 'export':
      return 'shell export';
  }
}
