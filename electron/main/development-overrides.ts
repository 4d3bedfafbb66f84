/** Environment hooks for e2e runs and development; see README "Tests". */
export interface DevelopmentOverrides {
  /** Another user-data folder, so e2e runs stay apart (the single-instance lock lives there too). */
  userDataDir?: string;
  /** Backups into this folder instead of through a native save dialog. */
  saveDir?: string;
  /** A 0600 key file instead of the OS keychain, so specs behave alike with and without a keyring. */
  keychainFile?: string;
  /** Expose IPC traffic to the e2e host, which checks that no secret crosses. */
  recordIpc: boolean;
  /** A scripted answer to the owner's confirmation dialog, which Playwright cannot click. */
  ownerAnswer?: boolean;
}

/**
 * A packaged app honours none of them: anyone who can set its environment could otherwise
 * point it at another data folder (sidestepping the single-instance lock), swap the OS
 * keychain for a plain key file, or record its IPC.
 */
export function developmentOverrides(isPackaged: boolean, env: NodeJS.ProcessEnv): DevelopmentOverrides {
  if (isPackaged) return { recordIpc: false };
  return {
    userDataDir: env.KEYMINT_USER_DATA_DIR || undefined,
    saveDir: env.KEYMINT_SAVE_DIR || undefined,
    keychainFile: env.KEYMINT_KEYCHAIN_FILE || undefined,
    recordIpc: env.KEYMINT_RECORD_IPC === '1',
    ownerAnswer: env.KEYMINT_OWNER_ANSWER ? env.KEYMINT_OWNER_ANSWER === 'yes' : undefined,
  };
}
