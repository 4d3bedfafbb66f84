import type { Clock, Schedule } from '../ports';
import { ProviderService } from '../providers/provider-service';
import { SecretRegistry } from '../redaction/secret-registry';
import { DocumentRepository } from '../store/document-repository';
import { RenewalScheduler } from '../tokens/renewal-scheduler';
import { TokenEngine } from '../tokens/token-engine';
import { TokenService } from '../tokens/token-service';
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
  const events = { changed: 0 };
  const changed = () => {
    events.changed += 1;
  };
  const providers = new ProviderService({ repository, cipher: () => cipher, clock, secrets, changed, invalidated: (id) => tokens.forget(id) });
  const engine = new TokenEngine({ fetch: (request) => fetch(request), clock, sleep, sensitive: (v) => secrets.add(v) });
  const renewal: RenewalScheduler = new RenewalScheduler({
    clock,
    schedule: options.schedule ?? neverFires(),
    random: () => 0.5,
    canRenew: options.unlocked ?? (() => true),
    token: (id) => tokens.times(id),
    providersWithTokens: () => repository.tokenHolders(),
    renew: (id) => tokens.generate(id, 'renewal'),
    changed,
  });
  const tokens: TokenService = new TokenService({ repository, providers, engine, cipher: () => cipher, clipboard, clock, secrets, log, lifecycle: renewal, changed });
  return { store, repository, providers, tokens, renewal, clipboard, log, waits, events, secrets };
}
