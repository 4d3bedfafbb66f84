import { describe, expect, it } from 'vitest';
import { formatCredential, shellQuote, tokenVariableName, type CredentialSource } from './credential-format';

const bearer: CredentialSource = { token: 'eyJhbGciOi.eyJzdWIiOi.c2ln', header: { name: 'Authorization', scheme: 'Bearer' }, providerName: 'Billing (EU)' };

describe('credential formats', () => {
  it('formats the header line, the raw token, a curl argument and a shell export', () => {
    expect(formatCredential(bearer, 'header')).toBe('Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2ln');
    expect(formatCredential(bearer, 'raw')).toBe('eyJhbGciOi.eyJzdWIiOi.c2ln');
    expect(formatCredential(bearer, 'curl')).toBe("-H 'Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2ln'");
    expect(formatCredential(bearer, 'export')).toBe("export BILLING_EU_TOKEN='eyJhbGciOi.eyJzdWIiOi.c2ln'");
  });

  it('a header without a scheme carries the raw token', () => {
    const custom = { ...bearer, header: { name: 'X-Shop-Access-Token', scheme: '' } };
    expect(formatCredential(custom, 'header')).toBe('X-Shop-Access-Token: eyJhbGciOi.eyJzdWIiOi.c2ln');
  });

  it.each([
    ['Billing (EU)', 'BILLING_EU_TOKEN'],
    ['  togai  ', 'TOGAI_TOKEN'],
    ['3scale prod', '_3SCALE_PROD_TOKEN'],
    ['Café Señor', 'CAFE_SENOR_TOKEN'],
    ['$(rm -rf ~)', 'RM_RF_TOKEN'],
    ['日本', 'PROVIDER_TOKEN'],
  ])('names the variable for %s as %s', (name, variable) => {
    expect(tokenVariableName(name)).toBe(variable);
  });

  it("quotes for the shell: a single quote closes, is escaped, and reopens", () => {
    expect(shellQuote("it's $HOME")).toBe("'it'\\''s $HOME'");
  });
});
