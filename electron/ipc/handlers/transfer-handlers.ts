import { readBackup, writeBackup } from '../../services/transfer/backup-file';
import { readRecipesFile, writeRecipesFile } from '../../services/transfer/recipes-file';
import type { Clock } from '../../services/ports';
import type { PassphraseSlotOptions } from '../../services/vault/passphrase-slot';
import type { Handlers } from '../router';
import type { HandlerContext } from './handler-context';

type TransferHandlers = Pick<Handlers, 'backup:export' | 'backup:import' | 'recipes:export' | 'recipes:import'>;

export interface TransferDeps extends HandlerContext {
  clock: Clock;
  kdf?: PassphraseSlotOptions['kdf'];
}

const day = (now: number) => new Date(now).toISOString().slice(0, 10);

export function transferHandlers(deps: TransferDeps): TransferHandlers {
  return {
    'backup:export': async ({ passphrase }) => {
      const session = await deps.ready();
      const now = deps.clock.now();
      const content = await writeBackup(session.providers.all(), session.vault.vault.cipher(), passphrase, { now, kdf: deps.kdf });
      return { fileName: `keymint-backup-${day(now)}.json`, content };
    },
    'backup:import': async ({ content, passphrase }) => {
      const restored = await readBackup(content, passphrase, { kdf: deps.kdf });
      const session = await deps.ready();
      for (const { input, secrets } of restored) {
        session.providers.create({ ...input, values: { ...input.values, ...secrets } }, { secretsOptional: true });
      }
      return { imported: restored.length };
    },
    'recipes:export': () => ({ fileName: 'keymint-recipes.json', content: writeRecipesFile(deps.session().providers.all()) }),
    'recipes:import': ({ content }) => {
      const definitions = readRecipesFile(content);
      const session = deps.session();
      for (const input of definitions) session.providers.create(input, { secretsOptional: true });
      return { imported: definitions.length };
    },
  };
}
