import { describe, expect, it } from 'vitest';
import { trustOnly } from './sender';

describe('which frames may call main', () => {
  const filePage = trustOnly('file:///opt/keymint/dist/renderer/index.html');
  const httpPage = trustOnly('http://127.0.0.1:4173/index.html');

  it('our own page in the main frame', () => {
    expect(filePage({ url: 'file:///opt/keymint/dist/renderer/index.html#/settings', isMainFrame: true })).toBe(true);
    expect(httpPage({ url: 'http://127.0.0.1:4173/index.html', isMainFrame: true })).toBe(true);
  });

  it('not a subframe, another file, the same path on a network share, or another origin', () => {
    expect(filePage({ url: 'file:///opt/keymint/dist/renderer/index.html', isMainFrame: false })).toBe(false);
    expect(filePage({ url: 'file:///tmp/evil.html', isMainFrame: true })).toBe(false);
    expect(filePage({ url: 'file://fileserver/opt/keymint/dist/renderer/index.html', isMainFrame: true })).toBe(false);
    expect(httpPage({ url: 'http://127.0.0.1:9999/index.html', isMainFrame: true })).toBe(false);
    expect(httpPage({ url: 'not a url', isMainFrame: true })).toBe(false);
  });
});
