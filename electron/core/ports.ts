/** The small seams services depend on; electron/platform implements them for Electron and Node. */

/** The standard fetch signature: Electron's net.fetch in the app (system proxies), Node's in tests. */
export type FetchPort = (input: Request) => Promise<Response>;

export interface Clock {
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

/** Starts `run` after `ms`; returns a cancel. setTimeout in the app, a manual clock in tests. */
export type Schedule = (ms: number, run: () => void) => () => void;

/** The system clipboard. Asynchronous, as Electron's is since 44; every write is of a secret. */
export interface ClipboardPort {
  /** Replaces the clipboard with `text`, marked concealed where the platform has a marker; rejects when it could not. */
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

/** Envelope encryption of one value bound to its place (e.g. `provider:<id>:field:<key>`). */
export interface Cipher {
  encrypt(plaintext: string, place: string): string;
  decrypt(ciphertext: string, place: string): string;
}

/** One JSON document, read whole and written atomically. */
export interface DocumentStore {
  /** The document, or undefined when there is none yet; throws when the file is unreadable. */
  read(): unknown;
  write(document: unknown): void;
  /** Renames an unreadable file aside under a timestamped name (never overwriting); returns the new path. */
  moveAside(): string;
}

/** Writes a file where the user chooses (a save dialog in the app); the path, or null if cancelled. */
export type SaveFile = (suggestedName: string, content: string) => Promise<string | null>;

export interface Logger {
  warn(message: string): void;
}

/** A question only the person at the machine can answer: a native dialog from main, never the page. */
export interface OwnerQuestion {
  message: string;
  detail: string;
  /** The button that says yes, e.g. "Remove". */
  confirmLabel: string;
}

/** Asks the owner; true only when they confirmed. A scripted answer in tests and the browser host. */
export type AskOwner = (question: OwnerQuestion) => Promise<boolean>;

/** Calls `listener` when the OS locks the screen or the machine is about to sleep; returns an unsubscribe. */
export type OnSystemLock = (listener: () => void) => () => void;
