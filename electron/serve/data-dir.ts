import { join } from 'node:path';

/** package.json's productName: Electron names its user-data folder after it. */
export const PRODUCT_NAME = 'Keymint';

/**
 * The folder the Electron app keeps its data in (`app.getPath('userData')`), so the served host
 * opens the same vault: ~/.config/Keymint (or $XDG_CONFIG_HOME/Keymint) on Linux,
 * ~/Library/Application Support/Keymint on macOS, %APPDATA%\Keymint on Windows.
 */
export function electronUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    case 'win32':
      return join(env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
  }
}
