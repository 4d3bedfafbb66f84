import type { VaultStatus } from '../../../shared/ipc/vault-view';

export { providerView } from '../../../shared/testing/provider-view-fixture';

/** An unlocked vault that opens with the keychain. */
export function vaultStatus(overrides: Partial<VaultStatus> = {}): VaultStatus {
  return {
    state: 'unlocked',
    slots: ['keychain'],
    keychain: { available: true, reason: null },
    autoLockMinutes: null,
    lockOnSleep: false,
    setupMethod: null,
    problem: null,
    ...overrides,
  };
}
