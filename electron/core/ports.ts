/**
 * Every port the core depends on, in one place: electron/platform implements them for the app
 * and for Node (the served host, the CLI, tests); each host passes them to createKeymintCore.
 */

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

export type KeychainStatus = { readonly available: true } | { readonly available: false; readonly reason: string };

/**
 * The OS credential store, as the vault's keychain slot uses it: it wraps the vault's data key
 * so the vault opens without a passphrase for this OS user. A 0600 key file stands in where
 * there is none (tests; machines without a keyring say so instead).
 */
export interface Keychain {
  status(): KeychainStatus;
  encrypt(data: Buffer): Promise<Buffer>;
  decrypt(data: Buffer): Promise<Buffer>;
}

/** What a host hands the core. */
export interface KeymintPorts {
  store: DocumentStore;
  keychain: Keychain;
  fetch: FetchPort;
  clipboard: ClipboardPort;
  /** Where backups are written: a save dialog in the app, a folder elsewhere. */
  saveFile: SaveFile;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Timers for renewing tokens before they expire and clearing copied headers; setTimeout when left out. */
  schedule?: Schedule;
  /** Spreads renewal retries; Math.random when left out. */
  random?: () => number;
  /** Confirms changes that could lock the owner out: a native dialog in the app, a scripted answer in tests. */
  askOwner: AskOwner;
  /** Screen lock and sleep (Electron's powerMonitor); left out where there is no such signal. */
  onSystemLock?: OnSystemLock;
  /** TESTS ONLY: a cheaper scrypt cost so suites stay fast. Never set by a host. */
  kdf?: { readonly N: number };
}
