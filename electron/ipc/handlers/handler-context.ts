import type { KeymintSession } from '../keymint-session';

export interface HandlerContext {
  /** The open session; throws a plain-words error while the data file is unreadable. */
  session(): KeymintSession;
  /** Makes the vault usable (default keychain setup on first use), or says why it is not. */
  ready(): Promise<KeymintSession>;
}
