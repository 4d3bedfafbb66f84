import type { ProviderView } from '../ipc/provider-view';
import { NO_TOKEN } from '../tokens/token-status';

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
