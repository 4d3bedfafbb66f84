import { runCli } from './run-cli';

/**
 * The `keymint` executable (package.json bin: dist/cli/keymint.cjs, one bundled file so that
 * it starts fast). A host of the core like the app and the served host; see run-cli.ts.
 */
// Getters: Node makes each stream on first use, and a command that never reads stdin should not pay for it.
const io = {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  env: process.env,
  now: () => Date.now(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    // Let stdout drain into a pipe before leaving: a script reads every byte.
    process.exitCode = code;
    setImmediate(() => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`keymint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
