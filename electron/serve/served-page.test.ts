import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedPage } from './served-page';

const INDEX = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');

describe('the served page', () => {
  it("keeps the app's CSP, directive for directive, except connect-src 'self'; the header adds frame-ancestors 'none'", () => {
    const { csp } = servedPage(INDEX);
    const appCsp = /content="(default-src[^"]*)"/.exec(INDEX)![1]!;
    expect(csp).toBe(`${appCsp.replace("connect-src 'none'", "connect-src 'self'")}; frame-ancestors 'none'`);
  });

  it('loads the bootstrap as a classic script before the app module, under the CSP meta', () => {
    const { html } = servedPage(INDEX);
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    const bootstrap = html.indexOf('<script src="/keymint-api.js"></script>');
    const app = html.indexOf('<script type="module"');
    expect(meta).toBeGreaterThan(0);
    expect(bootstrap).toBeGreaterThan(meta);
    expect(app).toBeGreaterThan(bootstrap);
    expect(html).not.toContain("connect-src 'none'");
  });

  it('refuses a page without a CSP meta, or one that no longer says default-src self', () => {
    expect(() => servedPage('<html><head></head></html>')).toThrow(/no Content-Security-Policy/);
    expect(() => servedPage(INDEX.replace("default-src 'self'", 'default-src *'))).toThrow(/default-src 'self'/);
  });
});
