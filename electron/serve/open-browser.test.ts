import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasDesktop, writeRedirectFile } from './open-browser';

describe('opening the browser', () => {
  it('happens only where there is a desktop: on Linux an X display, Wayland or WSL', () => {
    expect(hasDesktop('linux', {})).toBe(false);
    expect(hasDesktop('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDesktop('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDesktop('linux', { WSL_DISTRO_NAME: 'Debian' })).toBe(true);
    expect(hasDesktop('darwin', {})).toBe(true);
  });

  it('hands the browser a private redirect file, not the link on a command line; the cleanup removes it', () => {
    const url = 'http://127.0.0.1:4242/?token=abc"<&';
    const { file, cleanup } = writeRedirectFile(url);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=http://127.0.0.1:4242/?token=abc&quot;&lt;&amp;">');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    cleanup();
    expect(() => statSync(dirname(file))).toThrow();
  });
});
