import type { KeymintCore } from '../core';
import { CliError, EXIT } from './exit-codes';
import { promptHidden, type PromptStreams } from './hidden-prompt';
import { openSession, SESSION_VARIABLE, SessionError } from './session-file';

export interface UnlockContext extends PromptStreams {
  vaultDir: string;
  env: NodeJS.ProcessEnv;
  now(): number;
}

/**
 * Opens the vault for a command that needs its key, in this order: the KEYMINT_SESSION of
 * `keymint unlock` (a session that no longer opens is exit 3, never a silent fall-back to
 * a prompt a script cannot answer); the OS keyring where the vault has that slot (no
 * passphrase at all); KEYMINT_PASSPHRASE; a hidden prompt on the terminal.
 */
export async function unlockVault(core: KeymintCore, context: UnlockContext, options: { session?: boolean } = {}): Promise<void> {
  // First, and before asking the status: that asks the system keyring, which a session never needs.
  const session = options.session === false ? undefined : context.env[SESSION_VARIABLE];
  if (session) return unlockWithSession(core, context, session);
  const status = core.vault.status();
  if (status.state === 'unreadable') throw new CliError(EXIT.failed, status.problem ?? 'The vault cannot be read.');
  if (status.state === 'unlocked') return;
  if (status.state === 'uninitialized') return setUp(core, context);
  if (status.slots.includes('keychain') && status.keychain.available) {
    // The core's own start: the keychain slot, quietly; a keyring that refuses leaves it locked.
    await core.start();
    if (core.vault.status().state === 'unlocked') return;
  }
  if (!status.slots.includes('passphrase')) {
    throw new CliError(EXIT.locked, 'The vault opens only with the system keyring, which did not answer. Unlock your keyring (or log in to the desktop session) and try again.');
  }
  if (!context.env.KEYMINT_PASSPHRASE && !context.stdin.isTTY) {
    throw new CliError(EXIT.locked, 'The vault is locked: set KEYMINT_SESSION (eval "$(keymint unlock)") or KEYMINT_PASSPHRASE, or run in a terminal to type the passphrase.');
  }
  const passphrase = context.env.KEYMINT_PASSPHRASE || (await promptHidden(context, 'Keymint passphrase: '));
  await core.vault.unlock({ method: 'passphrase', passphrase });
}

async function unlockWithSession(core: KeymintCore, context: UnlockContext, variable: string): Promise<void> {
  let key;
  try {
    key = openSession(context.vaultDir, variable, context.now());
  } catch (error) {
    if (error instanceof SessionError) throw new CliError(EXIT.locked, error.message);
    throw error;
  }
  try {
    await core.vault.unlockWithSharedKey(key.dataKey, key.binding);
  } catch {
    throw new CliError(EXIT.locked, 'The session no longer opens the vault: its passphrase or unlock methods changed since. Run eval "$(keymint unlock)" again.');
  } finally {
    key.dataKey.fill(0);
  }
}

/**
 * A vault nobody has set up yet: with a system keyring the core sets it up with that (as the
 * app does at the first Save); without one, with KEYMINT_PASSPHRASE or a passphrase typed twice.
 */
async function setUp(core: KeymintCore, context: UnlockContext): Promise<void> {
  if (core.vault.status().keychain.available && !context.env.KEYMINT_PASSPHRASE) return;
  let passphrase = context.env.KEYMINT_PASSPHRASE;
  if (!passphrase) {
    if (!context.stdin.isTTY) {
      throw new CliError(EXIT.locked, 'The vault is not set up and there is no system keyring: set KEYMINT_PASSPHRASE to set it up with a passphrase, or run in a terminal.');
    }
    passphrase = await promptHidden(context, 'New Keymint passphrase: ');
    if ((await promptHidden(context, 'The same passphrase again: ')) !== passphrase) throw new CliError(EXIT.locked, 'The two passphrases differ; nothing was set up.');
  }
  await core.vault.setup({ method: 'passphrase', passphrase });
}
