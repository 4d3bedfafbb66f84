import type { QueryClient } from '@tanstack/react-query';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { KeymintClient } from '../keymint-client';
import { KeymintClientProvider } from '../keymint-client-context';
import { createKeymintQueryClient, KeymintQueryProvider } from '../queries/keymint-query-provider';

const queryClients: QueryClient[] = [];

// Testing Library unmounts after each test by itself only when vitest's globals are on; they
// are off here. Clearing the query clients also drops their garbage-collection timers.
afterEach(() => {
  cleanup();
  for (const client of queryClients.splice(0)) client.clear();
});

/**
 * Renders `ui` the way main.tsx does (client from context, the app's react-query defaults and
 * its event subscriptions), with `client` standing in for `window.keymint`.
 */
export function renderWithKeymint(ui: ReactElement, client: KeymintClient): RenderResult & { queryClient: QueryClient } {
  const queryClient = createKeymintQueryClient();
  queryClients.push(queryClient);
  const result = render(
    <KeymintClientProvider client={client}>
      <KeymintQueryProvider client={queryClient}>{ui}</KeymintQueryProvider>
    </KeymintClientProvider>,
  );
  return { ...result, queryClient };
}
