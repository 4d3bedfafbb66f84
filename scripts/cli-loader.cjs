// The start of dist/cli/keymint.cjs (scripts/build-cli.mjs puts the bundle after it, in the
// comment that ends the file, with each `*/` in it written `*\x01/` so that it stays a comment). The bundle is ASCII
// (esbuild escapes the rest), so it is read as one-byte text, the fastest Node reads. Compiling the bundle is a fair part of a command's start, so
// this compiles it with V8's code cache: made by the first run of each build and kept in the
// user's cache folder (~/.cache/keymint, 0600 in a 0700 folder), as trusted as the user's own
// dotfiles. V8 refuses a cache made from other source or by another Node (it is then made
// again). KEYMINT_CLI_CODE_CACHE=0 turns it off.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { Script } = require('node:vm');

const MARK = '/*keymint-bundle\n';
const self = readFileSync(__filename, 'latin1');
const source = self.slice(self.lastIndexOf(MARK) + MARK.length, self.lastIndexOf('*/')).replaceAll('*\x01/', '*/');

function cacheFolder() {
  const env = process.env;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Keymint');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'Keymint', 'Cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'keymint');
}

/**
 * The command this run is (`header`, `list`…): each has a cache of its own, made by its first run,
 * so that it holds the functions that command compiles (a cache made by `add` lacks `header`'s).
 */
function commandWord(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--vault') i++;
    else if (!args[i].startsWith('-')) return /^[a-z]{1,20}$/.test(args[i]) ? args[i] : 'other';
  }
  return 'help';
}

let cachePath;
let cachedData;
if (process.env.KEYMINT_CLI_CODE_CACHE !== '0') {
  try {
    // One cache per installed file, build and Node. V8's own check compares little more than the
    // source's length, so a rebuilt file of the same length must not meet the old cache: its
    // modification time is part of the key.
    const built = statSync(__filename);
    const key = createHash('sha256').update(`${__filename}\0${built.mtimeMs}\0${built.size}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 16);
    cachePath = join(cacheFolder(), `cli-${key}-${commandWord(process.argv.slice(2))}.v8cache`);
    cachedData = readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
}
const script = new Script(Module.wrap(source), { filename: __filename, cachedData });
if (cachePath && (!cachedData || script.cachedDataRejected)) {
  // Made at exit, so that it holds the functions this run compiled too.
  process.once('exit', () => {
    try {
      mkdirSync(cacheFolder(), { recursive: true, mode: 0o700 });
      const temp = `${cachePath}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, cachePath);
    } catch {
      // No cache folder to write (read-only home): the next start compiles again, nothing more.
    }
  });
}
script.runInThisContext()(exports, require, module, __filename, __dirname);
