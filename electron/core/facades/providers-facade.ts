import type { z } from 'zod';
import type { createProviderRequestSchema, ProviderView, UpdateProviderInput } from '../../../shared/ipc/provider-view';
import type { SessionHolder } from '../session-holder';

export type CreateProviderRequest = z.output<typeof createProviderRequestSchema>;

/** The providers as every host sees them: secret fields only as set / not set. */
export interface ProvidersFacade {
  /** Needs no key: a locked vault still lists every provider. */
  list(): ProviderView[];
  get(id: string): ProviderView;
  /** Creates once per `requestKey` (a double-clicked Save makes one provider). */
  create(request: CreateProviderRequest): Promise<ProviderView>;
  update(input: UpdateProviderInput): Promise<ProviderView>;
  /** Needs the vault not locked, but no key: removing decrypts nothing. */
  remove(id: string): void;
  /** Automatic renewal on or off for one provider; needs the vault not locked. */
  setAutoRenew(id: string, enabled: boolean): ProviderView;
}

export function providersFacade(holder: SessionHolder): ProvidersFacade {
  return {
    list: () => holder.session().views(),
    get: (id) => holder.session().view(id),
    create: async ({ requestKey, ...input }) => {
      const session = await holder.ready();
      return session.view(session.providers.create(input, requestKey).id);
    },
    update: async (input) => {
      const session = await holder.ready();
      return session.view(session.providers.update(input).id);
    },
    remove: (id) => holder.notLocked().providers.remove(id),
    setAutoRenew: (id, enabled) => {
      const session = holder.notLocked();
      session.setAutoRenew(id, enabled);
      return session.view(id);
    },
  };
}
