import type { KeymintSession } from '../../core/keymint-session';

export interface HandlerContext {
  /** The open session; throws a plain-words error while the data file is unreadable. */
  session(): KeymintSession;
  /** The session, refusing while the vault is locked (it may be not set up yet): for changes that need no key. */
  notLocked(): KeymintSession;
  /** Makes the vault usable (default keychain setup on first use), or says why it is not. */
  ready(): Promise<KeymintSession>;
}
