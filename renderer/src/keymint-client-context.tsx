import { createContext, use, type ReactNode } from 'react';
import type { KeymintClient } from './keymint-client';

/** No default: a component rendered outside the provider is a wiring mistake, said at once. */
const KeymintClientContext = createContext<KeymintClient | null>(null);

/**
 * Hands the IPC client to every hook below it: the real one over `window.keymint` in the app
 * (main.tsx), a fake in unit tests. Nothing in the renderer reaches `window.keymint` any other way.
 */
export function KeymintClientProvider({ client, children }: { client: KeymintClient; children: ReactNode }) {
  return <KeymintClientContext value={client}>{children}</KeymintClientContext>;
}

export function useKeymintClient(): KeymintClient {
  const client = use(KeymintClientContext);
  if (!client) throw new Error('useKeymintClient() needs a <KeymintClientProvider> above it.');
  return client;
}
