// `npm start` (after the build): the desktop app where Electron's binary is installed,
// otherwise the served host, saying so in one line. Arguments go to whichever starts.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binary = electronBinary();
const args = process.argv.slice(2);
if (!binary) {
  console.log("Electron's binary is not installed here, so Keymint runs as a local web app in your browser (`npx install-electron --no` installs the desktop app).");
}
const [command, commandArgs] = binary ? [binary, [root, ...args]] : [process.execPath, [join(root, 'dist/serve/serve.mjs'), ...args]];
const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
// Ctrl+C reaches the child from the terminal itself (a second SIGINT would make the served host
// skip its cleanup), so this process only waits; a SIGTERM (kill, a supervisor) is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
