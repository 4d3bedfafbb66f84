import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { NO_TOKEN } from '../../../shared/tokens/token-status';

/** A stored Togai provider as main shows it: its API key only as "set", never the value. */
export function providerView(overrides: Partial<ProviderView> = {}): ProviderView {
  return {
    id: 'p1',
    name: 'Togai production',
    presetId: 'togai',
    baseUrl: 'https://api.togai.com',
    values: {},
    secretsSet: { apiKey: true },
    recipe: null,
    settings: {},
    autoRenew: true,
    header: { name: 'Authorization', scheme: 'Bearer' },
    missing: [],
    customHost: null,
    problem: null,
    status: NO_TOKEN,
    ...overrides,
  };
}

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
