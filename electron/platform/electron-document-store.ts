import Store from 'electron-store';
import { join } from 'node:path';
import type { DocumentStore } from '../core';
import { moveAside, StoreCorruptError } from './json-file-store';

const NAME = 'keymint';

type Document = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Document =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The app's document in `<cwd>/keymint.json` through electron-store: atomic writes, owner-only
 * file. Reading a file that is not a JSON object throws StoreCorruptError and leaves it as it is
 * (electron-store's clearInvalidConfig would silently replace the user's data with `{}`).
 */
export function createElectronDocumentStore(cwd: string): DocumentStore {
  const filePath = join(cwd, `${NAME}.json`);
  const deserialize = (text: string): Document => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The parser's own message is not kept: V8 quotes the file's contents in it.
      throw new StoreCorruptError(filePath, 'the file is not valid JSON');
    }
    // electron-store would spread an array or a string into an object, or read null as empty.
    if (!isPlainObject(value)) throw new StoreCorruptError(filePath, 'the file does not hold a JSON object');
    return value;
  };
  let store: Store<Document> | undefined;
  // Opening reads the file, so a damaged one surfaces from read(), not from composition.
  const open = () => (store ??= new Store<Document>({ cwd, name: NAME, configFileMode: 0o600, clearInvalidConfig: false, deserialize }));

  return {
    read() {
      const document = open().store;
      return Object.keys(document).length === 0 ? undefined : document;
    },
    write(document) {
      if (!isPlainObject(document)) throw new TypeError('The document must be a JSON object');
      open().store = document;
    },
    moveAside: () => moveAside(filePath),
  };
}
