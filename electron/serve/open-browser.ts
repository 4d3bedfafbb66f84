import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import open from 'open';

export type Opened = 'opened' | 'no-desktop' | 'failed';

/** A browser can only appear where there is a desktop session: on Linux, an X display or Wayland (or WSL's Windows). */
export function hasDesktop(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY || env.WSL_DISTRO_NAME);
}

/**
 * Opens the sign-in link in the default browser. The link is not put on a command line, where
 * other users' `ps` could read it: the browser is handed a private (0700 folder, 0600 file)
 * page that redirects to it, as Jupyter does. The file is removed by the returned cleanup.
 * Without a desktop nothing is opened (xdg-open would start a text browser in this terminal).
 */
export async function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Promise<{ opened: Opened; cleanup(): void }> {
  if (!hasDesktop(platform, env)) return { opened: 'no-desktop', cleanup: () => undefined };
  const { file, cleanup } = writeRedirectFile(url);
  try {
    const child = await open(file);
    const failed = await new Promise<boolean>((resolve) => {
      child.once('error', () => resolve(true));
      child.once('exit', (code) => resolve(code !== 0 && code !== null));
      // A browser started directly may keep running: give it a moment to fail, then call it opened.
      setTimeout(() => resolve(false), 3000).unref();
    });
    return { opened: failed ? 'failed' : 'opened', cleanup };
  } catch {
    cleanup();
    return { opened: 'failed', cleanup: () => undefined };
  }
}

/** A private page that sends the browser on to `url`: a 0600 file in a fresh 0700 folder. */
export function writeRedirectFile(url: string): { file: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'keymint-open-'));
  const file = join(dir, 'open-keymint.html');
  const href = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${href}"><title>Keymint</title><p><a href="${href}">Open Keymint</a></p>\n`,
    { mode: 0o600 },
  );
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
