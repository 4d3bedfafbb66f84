import { readBackup, writeBackup } from '../../core/transfer/backup-file';
import { dropSecretValues } from '../../core/transfer/drop-secret-values';
import { importProviders } from '../../core/transfer/import-providers';
import { readRecipesFile, writeRecipesFile } from '../../core/transfer/recipes-file';
import type { Clock, SaveFile } from '../../core/ports';
import type { PassphraseSlotOptions } from '../../core/vault/passphrase-slot';
import type { Handlers } from '../router';
import { confirmOwner } from './confirm-owner';
import type { HandlerContext } from './handler-context';

type TransferHandlers = Pick<Handlers, 'backup:export' | 'backup:import' | 'recipes:export' | 'recipes:import'>;

export interface TransferDeps extends HandlerContext {
  clock: Clock;
  saveFile: SaveFile;
  kdf?: PassphraseSlotOptions['kdf'];
}

const day = (now: number) => new Date(now).toISOString().slice(0, 10);

export function transferHandlers(deps: TransferDeps): TransferHandlers {
  return {
    // Exports are written by main where the user chooses: the backup never crosses IPC.
    'backup:export': async ({ passphrase, currentPassphrase }) => {
      const session = await deps.ready();
      await confirmOwner(session.vault.vault, currentPassphrase);
      const now = deps.clock.now();
      const content = await writeBackup(session.providers.all(), session.vault.vault.cipher(), passphrase, { now, kdf: deps.kdf });
      return { savedTo: await deps.saveFile(`keymint-backup-${day(now)}.json`, content) };
    },
    'backup:import': async ({ content, passphrase, duplicates }) => {
      // Refused while locked before the (deliberately slow) key derivation, not after it.
      deps.notLocked();
      const restored = await readBackup(content, passphrase, { kdf: deps.kdf });
      const session = await deps.ready();
      const incoming = restored.map(({ id, input, secrets }) => ({ id, input, secrets }));
      return { ...importProviders(session.providers, incoming, duplicates), droppedSecrets: [] };
    },
    'recipes:export': async () => ({ savedTo: await deps.saveFile('keymint-recipes.json', writeRecipesFile(deps.session().providers.all())) }),
    'recipes:import': ({ content, duplicates }) => {
      const definitions = readRecipesFile(content).map(dropSecretValues);
      const counts = importProviders(deps.notLocked().providers, definitions, duplicates);
      return { ...counts, droppedSecrets: definitions.flatMap((d) => d.dropped) };
    },
  };
}
