import { randomBytes } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import { presetRecipe, type PresetId } from '../../shared/recipes/presets';
import type { Recipe } from '../../shared/recipes/recipe-schema';
import { createEnvelopeCipher } from '../core/vault/envelope-cipher';
import type { ClipboardPort, FetchPort, Sleep, VaultStore } from '../core/ports';
import { abortSignalOf } from '../core/http/cancel-signal';
import { TokenEngine, type TokenJob } from '../core/tokens/token-engine';
import { TokenError, type TokenErrorKind } from '../core/exchange-errors/token-error';
import type { EnvelopeCipher } from '../core/vault/envelope-cipher';
import { createNodeHttpFetch } from '../platform/node-http-fetch';

/** Servers started in a test are closed after it, whatever happened. */
export function closeAfterEach(): <T extends { close(): Promise<void> }>(starting: Promise<T>) => Promise<T> {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (starting) => {
    const server = await starting;
    open.push(server);
    return server;
  };
}

/** Node's own fetch (undici) as a port, as the app's Electron fetch is one: its replies are web Responses. */
export const webFetch: FetchPort = (url, init) => fetch(url, { ...init, signal: init.signal && abortSignalOf(init.signal) });

/** The Node hosts' fetch, recording the URL of every request handed to it. */
function recordingFetch(): { fetch: FetchPort; urls: string[] } {
  const urls: string[] = [];
  const fetch = createNodeHttpFetch();
  return {
    urls,
    fetch: (url, init) => {
      urls.push(url);
      return fetch(url, init);
    },
  };
}

/** A sleep that records how long it was asked to wait and returns at once. */
export function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

export function testEngine(): { engine: TokenEngine; waits: number[]; urls: string[] } {
  const { sleep, waits } = recordingSleep();
  const { fetch, urls } = recordingFetch();
  return { engine: new TokenEngine({ fetch, sleep, clock: { now: () => Date.now() } }), waits, urls };
}

export function preset(id: Exclude<PresetId, 'custom'>): Recipe {
  const recipe = presetRecipe(id);
  if (!recipe) throw new Error(`no preset ${id}`);
  return recipe;
}

export function presetJob(id: Exclude<PresetId, 'custom'>, baseUrl: string, values: Record<string, string>, extra: Partial<TokenJob> = {}): TokenJob {
  return { recipe: preset(id), baseUrl, values, ...extra };
}

/** Awaits a promise that must reject with a TokenError of `kind`, and returns that error. */
export async function tokenFailure(promise: Promise<unknown>, kind: TokenErrorKind): Promise<TokenError> {
  const error: unknown = await promise.then(
    (value) => {
      throw new Error(`expected a ${kind} TokenError, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenError);
  expect((error as TokenError).kind).toBe(kind);
  return error as TokenError;
}

/** What the emulator's `/protected` says to `Authorization: Bearer <token>`. */
export async function protectedStatus(baseUrl: string, token: string): Promise<number> {
  const response = await fetch(`${baseUrl}/protected`, { headers: { authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}

/**
 * An in-memory VaultStore for one process (nothing to lock or watch) that counts document
 * writes. What it holds is frozen, as a reminder that nobody may modify a value once stored.
 */
export class MemoryStore implements VaultStore {
  writes = 0;
  tokenWrites = 0;
  #document: unknown;
  #tokens: unknown;

  read(): unknown {
    return this.#document;
  }

  update(change: (latest: unknown) => unknown): unknown {
    const next = deepFreeze(change(this.#document));
    this.writes += 1;
    this.#document = next;
    return next;
  }

  /** Sets the document aside as an unreadable file would be, leaving the store empty. */
  moveAside(): string {
    this.#document = undefined;
    this.#tokens = undefined;
    return 'memory:moved-aside';
  }

  readTokens(): unknown {
    return structuredClone(this.#tokens);
  }

  updateTokens(change: (latest: unknown) => unknown): void {
    this.tokenWrites += 1;
    this.#tokens = change(structuredClone(this.#tokens));
  }

  async flush(): Promise<void> {}

  watch(): () => void {
    return () => undefined;
  }

  /** The stored document and tokens as text, for "no secret on disk" checks. */
  text(): string {
    return JSON.stringify([this.#document ?? null, this.#tokens ?? null]);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function testCipher(): EnvelopeCipher {
  return createEnvelopeCipher(randomBytes(32));
}

/** The system clipboard in memory, asynchronous like Electron's; `failWrites` makes every write reject. */
export class FakeClipboard implements ClipboardPort {
  readonly written: string[] = [];
  failWrites = false;
  async writeText(text: string): Promise<void> {
    await Promise.resolve();
    if (this.failWrites) throw new Error(`clipboard refused ${text}`);
    this.written.push(text);
  }
  async readText(): Promise<string> {
    await Promise.resolve();
    return this.written.at(-1) ?? '';
  }
}

export class CollectingLog {
  readonly lines: string[] = [];
  warn(message: string): void {
    this.lines.push(message);
  }
}
