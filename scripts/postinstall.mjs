// npm install's last step: fetch Electron's binary where the network allows, and say in one
// line what happens when it does not. Never fails: Keymint runs without Electron too (served).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';

const INSTEAD = '`npm start` will serve Keymint to your browser on 127.0.0.1 instead (`npx install-electron --no` retries the download).';
const TEN_MINUTES = 10 * 60_000;

function reasonFrom(output) {
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT/.test(output)) return "no connection to Electron's download server";
  const lines = output.split('\n').map((line) => line.trim());
  const error = lines.find((line) => /^(\w*Error|Error)\b|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|HTTPError/.test(line));
  return (error ?? lines.find(Boolean) ?? 'no reason given').replace(/^\w*Error:\s*/, '').slice(0, 120);
}

function main() {
  if (electronBinary()) return;
  const packageDir = electronPackageDir();
  if (!packageDir) return console.log(`Keymint: the electron package is not installed; ${INSTEAD}`);
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return console.log(`Keymint: Electron's binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); ${INSTEAD}`);
  // Electron's own installer (what `npx install-electron` runs): it checks the download's checksum.
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, encoding: 'utf8', timeout: TEN_MINUTES });
  if (result.status === 0 && electronBinary()) return console.log('Keymint: installed Electron\'s binary; `npm start` runs the desktop app.');
  const why = result.error ? result.error.message : reasonFrom(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
  console.log(`Keymint: Electron's binary is missing (the download failed: ${why}); ${INSTEAD}`);
}

try {
  main();
} catch (error) {
  console.log(`Keymint: Electron's binary is missing (${error instanceof Error ? error.message : String(error)}); ${INSTEAD}`);
}
