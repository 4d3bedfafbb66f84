import type { KeymintCore } from '../core';
import type { ParsedCommand } from './parse-args';

/** The process as a command sees it: passed in, so tests and the bench can run commands alike. */
export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  now(): number;
}

export interface CommandContext {
  parsed: ParsedCommand;
  io: CliIo;
  vaultDir: string;
  /** The core on the vault folder, made on first use (commands that need none never load it). */
  core(): KeymintCore;
  /** Opens the vault (see unlock-vault.ts). */
  unlock(options?: { session?: boolean }): Promise<void>;
  /** A warning or a note on stderr; never a secret. */
  say(message: string): void;
  /** The requested output on stdout, alone: a newline only for a person at a terminal. */
  print(text: string): void;
}

export type Command = (context: CommandContext) => Promise<number>;
