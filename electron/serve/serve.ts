import { appendFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createKeymint } from '../ipc/create-keymint';
import type { Logger } from '../core';
import { composeNodePorts } from './node-ports';
import { openInBrowser } from './open-browser';
import { activeHooks, parseServeArgs } from './serve-options';
import { startServedHost } from './served-host';

/**
 * `npm run serve` (and `npm start` without Electron's binary): the same core and the same built
 * page as the app, served to the browser on 127.0.0.1. Built to dist/serve/serve.mjs, beside
 * the page's bootstrap; the page itself is dist/renderer.
 */
async function main(): Promise<number> {
  const parsed = parseServeArgs({ argv: process.argv.slice(2), env: process.env, platform: process.platform, home: homedir() });
  if (parsed.kind === 'help') {
    console.log(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    console.error(`keymint: ${parsed.message}`);
    return 2;
  }
  const { options } = parsed;
  const log: Logger = { warn: (message) => console.warn(`[keymint] ${message}`) };
  const hooks = activeHooks(options.test);
  if (hooks.length > 0) console.warn(`[keymint] test hooks on (stand-ins for real parts): ${hooks.join(', ')}`);

  const bundleDir = import.meta.dirname;
  const keymint = createKeymint(composeNodePorts(options, { log, terminal: { input: process.stdin, output: process.stdout } }));
  const recordFile = options.test.recordIpcFile;
  const host = await startServedHost({
    keymint,
    rendererDir: join(bundleDir, '../renderer'),
    pageScript: readFileSync(join(bundleDir, 'keymint-api.js'), 'utf8'),
    host: options.host,
    port: options.port,
    log,
    recordIpc: recordFile ? (json) => appendFileSync(recordFile, `${json}\n`, { mode: 0o600 }) : undefined,
  });
  await keymint.start();

  console.log(`Keymint is running at ${host.signInUrl}`);
  console.log(`  The link signs in once. Vault: ${options.dataDir}. Press Ctrl+C to stop.`);
  let cleanup = () => undefined as void;
  if (options.open) {
    const browser = await openInBrowser(host.signInUrl);
    cleanup = browser.cleanup;
    setTimeout(cleanup, 60_000).unref();
    if (browser.opened === 'opened') console.log('  Opened in your default browser.');
    else if (browser.opened === 'no-desktop') console.log('  No desktop session here: open the link in a browser on this machine.');
    else console.log('  Could not open a browser: open the link yourself.');
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    cleanup();
    // Locks the vault and takes Keymint's copy off the clipboard before exiting.
    await host.close();
    await keymint.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(`keymint: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
