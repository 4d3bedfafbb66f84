/**
 * Every port the core depends on, in one place: electron/platform implements them for the app
 * and for Node (the served host, the CLI, tests); each host passes them to createKeymintCore.
 */

import type { CancelSignal } from './http/cancel-signal';

/**
 * Fetch by URL and init: Electron's session fetch in the app (system proxies), Node's elsewhere.
 * Not a Request: fetch copies one it is given, so building it here would cost every token a
 * second set of body streams.
 */
export type FetchPort = (url: string, init: FetchInit) => Promise<FetchReply>;

/**
 * A RequestInit whose signal is the core's `CancelSignal`, which an AbortSignal also is: a
 * port that hands it to a real fetch makes an AbortSignal of it (`abortSignalOf`), while the
 * Node hosts' client listens to it directly, sparing every token request an AbortController
 * (costly to create in Node, where each is transferable to workers).
 */
export interface FetchInit extends Omit<RequestInit, 'signal'> {
  signal?: CancelSignal;
}

/**
 * What the core reads of a reply: a fetch `Response` (Electron's, undici's) is one, and the
 * Node hosts answer with a lighter one that skips WHATWG streams (platform/node-http-fetch.ts).
 */
export interface FetchReply {
  readonly status: number;
  /** 'opaqueredirect' when a fetch with `redirect: 'manual'` stopped at a redirect. */
  readonly type?: string;
  readonly headers: ReplyHeaders;
  /** null for a status that has no body (204, 304…). */
  readonly body: ReplyBody | null;
}

export interface ReplyHeaders {
  /** The header's value, repeated ones joined by ", " (as fetch's Headers does); null if absent. */
  get(name: string): string | null;
}

export interface ReplyBody {
  cancel(): Promise<void>;
  getReader(): { read(): Promise<{ done: false; value: Uint8Array } | { done: true; value?: Uint8Array }>; cancel(): Promise<void> };
}

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

/** Which of the vault's files another Keymint process changed. */
export type VaultFile = 'document' | 'tokens';

/**
 * The vault folder shared by every Keymint process of the user (the app, a served host, the
 * CLI): one document (providers, key slots, settings) and a token cache. The store knows
 * nothing of either format; the core's stored schemas do. Every write replaces a file whole
 * and durably, under a lock the processes share, so none loses another's change.
 */
export interface VaultStore {
  /** The document, or undefined when there is none yet; throws when the file is unreadable. */
  read(): unknown;
  /**
   * Read-modify-write under the cross-process lock: `change` gets the document as it is on disk
   * now (another process may have written since `read`) and returns the next one, which is
   * written durably before `update` returns it. `latest` may be the very value last read or
   * returned here: never modify it. A throw from `change` writes nothing.
   */
  update(change: (latest: unknown) => unknown): unknown;
  /** Renames an unreadable document aside under a timestamped name (never overwriting), drops the token cache sealed with its key; returns the new path. */
  moveAside(): string;
  /** The token cache with the changes queued here applied; undefined when there is none (an unreadable cache is none: it is requested again). */
  readTokens(): unknown;
  /**
   * Queues a change to the token cache: changes queued within a short window are written in
   * one go, each applied to the latest cache on disk (another process's records are kept).
   * `change` gets a fresh copy it may modify, may run more than once, and must not throw. A
   * crash may lose what is queued: a cache, requested again.
   */
  updateTokens(change: (latest: unknown) => unknown): void;
  /** Resolves once every queued token change is on disk; rejects when writing failed. Hosts call it before exiting. */
  flush(): Promise<void>;
  /** Calls `listener` when another process changed a file (never for this store's own writes); returns a stop. */
  watch(listener: (changed: VaultFile) => void): () => void;
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
  /** The vault folder: the same store, and the same files, in every host. */
  store: VaultStore;
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
