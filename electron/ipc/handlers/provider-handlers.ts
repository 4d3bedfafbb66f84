import type { Handlers } from '../router';
import type { HandlerContext } from './handler-context';

type ProviderHandlers = Pick<
  Handlers,
  'providers:list' | 'providers:create' | 'providers:update' | 'providers:remove' | 'tokens:generate' | 'tokens:copy-header'
>;

/** Listing needs no key, so a locked vault still shows every provider; changing the list needs it unlocked. */
export function providerHandlers(context: HandlerContext): ProviderHandlers {
  return {
    'providers:list': () => context.session().views(),
    'providers:create': async ({ requestKey, ...input }) => {
      const session = await context.ready();
      return session.view(session.providers.create(input, requestKey).id);
    },
    'providers:update': async (input) => {
      const session = await context.ready();
      return session.view(session.providers.update(input).id);
    },
    'providers:remove': ({ id }) => {
      context.notLocked().providers.remove(id);
      return null;
    },
    'tokens:generate': async ({ id }) => {
      const session = await context.ready();
      await session.tokens.generate(id);
      return session.view(id);
    },
    'tokens:copy-header': async ({ id }) => {
      const session = await context.ready();
      return { copied: true as const, headerName: await session.tokens.copyHeader(id) };
    },
  };
}
