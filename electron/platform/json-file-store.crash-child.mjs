// Child process for the crash-safety test in json-file-store.test.ts.
// Usage: node json-file-store.crash-child.mjs <store-module.mjs> <file> <count>
// Plain .mjs so Node 20 runs it without a TypeScript loader; the test passes
// in a transpiled copy of json-file-store.ts as <store-module.mjs>.
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [moduleFile, filePath, countText] = process.argv.slice(2);
const { openJsonFileStore } = await import(pathToFileURL(moduleFile).href);

const store = openJsonFileStore(filePath, { mode: 0o600 });
const previous = store.read();
const start = typeof previous === 'object' && previous !== null ? previous.seq : 0;
// Large enough that a non-atomic writer would be caught half-written.
const padding = 'x'.repeat(64 * 1024);

for (let seq = start + 1; seq <= start + Number(countText); seq++) {
  store.write({ seq, padding });
  // writeSync, not console.log: the parent must only ever see "saved N" once
  // write() has returned, and stdout to a pipe is asynchronous on some platforms.
  writeSync(1, `saved ${seq}\n`);
}
