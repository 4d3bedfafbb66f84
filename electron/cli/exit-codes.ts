/**
 * The CLI's exit codes, a contract scripts rely on: 0 ok, 2 usage, 3 locked or wrong
 * passphrase, 4 provider error, 5 no such provider. 1 is anything else (a bug, an unreadable file).
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  locked: 3,
  provider: 4,
  noSuchProvider: 5,
  // Ctrl+C at a prompt, as a shell reports SIGINT.
  interrupted: 130,
  // What a shell says of a command it cannot run (exec, serve).
  notExecutable: 126,
  commandNotFound: 127,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An expected failure: its message (never a secret) goes to stderr, its code to the shell. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);

/** The core's error codes (AppError, VaultError) as exit codes. */
const BY_CODE: Record<string, ExitCode> = {
  'invalid-input': EXIT.usage,
  'not-found': EXIT.noSuchProvider,
  locked: EXIT.locked,
  'setup-required': EXIT.locked,
  'wrong-passphrase': EXIT.locked,
  'decrypt-failed': EXIT.locked,
  'keychain-unavailable': EXIT.locked,
  'not-initialized': EXIT.locked,
  'no-such-slot': EXIT.locked,
  'token-unavailable': EXIT.provider,
  'not-confirmed': EXIT.failed,
};

/** The exit code for an error thrown by a command, whoever threw it. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return (typeof code === 'string' && BY_CODE[code]) || EXIT.failed;
}
