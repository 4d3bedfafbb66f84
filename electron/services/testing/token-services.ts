import type { Clock } from '../ports';
import { ProviderService } from '../providers/provider-service';
import { SecretRegistry } from '../redaction/secret-registry';
import { DocumentRepository } from '../store/document-repository';
import { TokenEngine } from '../tokens/token-engine';
import { TokenService } from '../tokens/token-service';
import { CollectingLog, FakeClipboard, MemoryStore, recordingSleep, testCipher } from './node-ports';

/** Provider and token services wired as createKeymint wires them, over real Node ports. */
export function tokenServices(clock: Clock = { now: () => Date.now() }) {
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
  const providers = new ProviderService({ repository, cipher: () => cipher, clock, secrets, changed });
  const engine = new TokenEngine({ fetch: (request) => fetch(request), clock, sleep, sensitive: (v) => secrets.add(v) });
  const tokens = new TokenService({ repository, providers, engine, cipher: () => cipher, clipboard, clock, secrets, log, changed });
  return { store, repository, providers, tokens, clipboard, log, waits, events };
}
