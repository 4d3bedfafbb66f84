import type { Command } from '../cli-context';
import { parseDuration } from '../duration';
import { usageError } from '../exit-codes';
import { stringOption } from '../parse-args';
import { createSession, DEFAULT_IDLE_MS, endAllSessions, endSession, SESSION_VARIABLE } from '../session-file';

/**
 * `keymint unlock [--idle 30m]`: opens the vault the slow way once (keyring, passphrase) and
 * prints `export KEYMINT_SESSION=…` for `eval "$(keymint unlock)"`; see session-file.ts.
 */
export const unlock: Command = async (context) => {
  const idle = stringOption(context.parsed, 'idle');
  const idleMs = idle === undefined ? DEFAULT_IDLE_MS : parseDuration(idle, 'idle') * 1000;
  if (idleMs < 1000 || idleMs > DEFAULT_IDLE_MS) throw usageError('--idle takes 1s to 30m: a session never stays open longer than half an hour unused.');
  const core = context.core();
  // Never from an older session: a new one is opened the way the vault itself opens.
  await context.unlock({ session: false });
  // A vault not set up, with a system keyring: set up as the app does at the first Save.
  if (core.vault.status().state === 'uninitialized') await core.vault.setup({ method: 'keychain' });
  const key = await core.vault.shareKey();
  try {
    const value = createSession(context.vaultDir, key, context.io.now(), idleMs);
    context.print(`export ${SESSION_VARIABLE}=${value}`);
  } finally {
    key.dataKey.fill(0);
  }
  return 0;
};

/** `keymint lock [--all]`: ends this shell's session (or all of this vault's) and prints `unset KEYMINT_SESSION` for eval. */
export const lock: Command = async (context) => {
  const variable = context.io.env[SESSION_VARIABLE];
  if (context.parsed.options.all) endAllSessions(context.vaultDir);
  else if (variable) endSession(context.vaultDir, variable);
  else context.say('No session in this shell (KEYMINT_SESSION is not set); keymint lock --all ends every session of this vault.');
  context.print(`unset ${SESSION_VARIABLE}`);
  return 0;
};
