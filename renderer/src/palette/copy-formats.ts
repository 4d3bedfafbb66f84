import type { ProviderView } from '../../../shared/ipc/provider-view';
import { CREDENTIAL_FORMATS, tokenVariableName, type CredentialFormat } from '../../../shared/tokens/credential-format';

export interface FormatChoice {
  format: CredentialFormat;
  /** What the option says, e.g. "X-Shop-Token header" or "Shell: export BILLING_TOKEN=…". */
  label: string;
}

/** The palette's second step (Alt+Enter): every format a credential is copied in, named for this provider. */
export function formatChoices(view: ProviderView): FormatChoice[] {
  const labels: Record<CredentialFormat, string> = {
    header: `${view.header.name} header`,
    raw: 'Raw token',
    curl: `curl option: -H '${view.header.name}: …'`,
    export: `Shell: export ${tokenVariableName(view.name)}=…`,
  };
  return CREDENTIAL_FORMATS.map((format) => ({ format, label: labels[format] }));
}

/** "Copied Authorization header for Billing — clears in 60 s": what was copied, for whom, for how long. */
export function copiedWords(copied: { label: string; headerName: string; clearsInSeconds: number | null }, format: CredentialFormat, name: string): string {
  const what = format === 'header' ? `${copied.label} header` : copied.label;
  const clears = copied.clearsInSeconds === null ? 'kept until you copy something else' : `clears in ${copied.clearsInSeconds} s`;
  return `Copied ${what} for ${name} — ${clears}`;
}
