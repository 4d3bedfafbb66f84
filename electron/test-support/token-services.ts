import type { Clock, Schedule } from '../core/ports';
import { ProviderJournal } from '../core/exchange-log/provider-journal';
import { ProviderService } from '../core/providers/provider-service';
import { SecretRegistry } from '../core/redaction/secret-registry';
import { DocumentRepository } from '../core/store/document-repository';
import { RenewalScheduler } from '../core/tokens/renewal-scheduler';
import { TokenEngine } from '../core/tokens/token-engine';
import { TokenService } from '../core/tokens/token-service';
import { createNodeHttpFetch } from '../platform/node-http-fetch';
import { CollectingLog, FakeClipboard, MemoryStore, recordingSleep, testCipher } from './node-ports';

/** Timers that never fire: TokenService tests drive renewal by hand when they need it. */
const neverFires = (): Schedule => () => () => undefined;

/** Provider and token services wired as createKeymint wires them, over real Node ports. */
export function tokenServices(clock: Clock = { now: () => Date.now() }, options: { schedule?: Schedule; unlocked?: () => boolean } = {}) {
  const store = new MemoryStore();
  const cipher = testCipher();
  const secrets = new SecretRegistry();
  const repository = new DocumentRepository(store);
  const clipboard = new FakeClipboard();
  const log = new CollectingLog();
  const { sleep, waits } = recordingSleep();
  /** How many change reports, and for which providers (in order). */
  const events = { changed: 0, ids: [] as string[], removed: [] as string[] };
  const changed = (ids: readonly string[] | string) => {
    events.changed += 1;
    events.ids.push(...(typeof ids === 'string' ? [ids] : ids));
  };
  const removed = (id: string) => void events.removed.push(id);
  const providers = new ProviderService({ repository, cipher: () => cipher, clock, secrets, changed, removed, invalidated: (id) => tokens.forget(id) });
  const engine = new TokenEngine({ fetch: createNodeHttpFetch(), clock, sleep, sensitive: (v) => secrets.add(v) });
  const renewal: RenewalScheduler = new RenewalScheduler({
    clock,
    schedule: options.schedule ?? neverFires(),
    random: () => 0.5,
    canRenew: options.unlocked ?? (() => true),
    autoRenew: (id) => repository.provider(id)?.autoRenew !== false,
    token: (id) => tokens.times(id),
    providersWithTokens: () => repository.tokenHolders(),
    renew: (id) => tokens.generate(id, 'renewal'),
    changed,
  });
  const journal = new ProviderJournal();
  const tokens: TokenService = new TokenService({ repository, providers, engine, cipher: () => cipher, clipboard, clock, secrets, log, lifecycle: renewal, journal, changed });
  return { store, repository, providers, tokens, renewal, clipboard, log, waits, events, secrets, journal };
}
