import type { z } from 'zod';
import type { backupExportInputSchema, backupImportInputSchema, ImportResult, recipesImportInputSchema } from '../../../shared/ipc/vault-view';
import { confirmOwner } from '../owner-confirmation';
import type { Clock, KeymintPorts, SaveFile } from '../ports';
import type { SessionHolder } from '../session-holder';
import { readBackup, writeBackup } from '../transfer/backup-file';
import { dropSecretValues } from '../transfer/drop-secret-values';
import { importProviders } from '../transfer/import-providers';
import { readRecipesFile, writeRecipesFile } from '../transfer/recipes-file';

type Input<S extends z.ZodType> = z.output<S>;

/** Backups (encrypted, with secrets) and shared recipes (no secret values), written where the host's SaveFile puts them. */
export interface TransferFacade {
  exportBackup(input: Input<typeof backupExportInputSchema>): Promise<{ savedTo: string | null }>;
  importBackup(input: Input<typeof backupImportInputSchema>): Promise<ImportResult>;
  exportRecipes(): Promise<{ savedTo: string | null }>;
  importRecipes(input: Input<typeof recipesImportInputSchema>): ImportResult;
}

interface TransferPorts {
  clock: Clock;
  saveFile: SaveFile;
  kdf?: KeymintPorts['kdf'];
}

const day = (now: number) => new Date(now).toISOString().slice(0, 10);

export function transferFacade(holder: SessionHolder, ports: TransferPorts): TransferFacade {
  return {
    // Written by the core where the user chooses: the backup never crosses IPC.
    exportBackup: async ({ passphrase, currentPassphrase }) => {
      const session = await holder.ready();
      await confirmOwner(session.vault.vault, currentPassphrase);
      const now = ports.clock.now();
      const content = await writeBackup(session.providers.all(), session.vault.vault.cipher(), passphrase, { now, kdf: ports.kdf });
      return { savedTo: await ports.saveFile(`keymint-backup-${day(now)}.json`, content) };
    },
    importBackup: async ({ content, passphrase, duplicates }) => {
      // Refused while locked before the (deliberately slow) key derivation, not after it.
      holder.notLocked();
      const restored = await readBackup(content, passphrase, { kdf: ports.kdf });
      const session = await holder.ready();
      const incoming = restored.map(({ id, input, secrets }) => ({ id, input, secrets }));
      return { ...importProviders(session.providers, incoming, duplicates), droppedSecrets: [] };
    },
    exportRecipes: async () => ({ savedTo: await ports.saveFile('keymint-recipes.json', writeRecipesFile(holder.session().providers.all())) }),
    importRecipes: ({ content, duplicates }) => {
      const definitions = readRecipesFile(content).map(dropSecretValues);
      const counts = importProviders(holder.notLocked().providers, definitions, duplicates);
      return { ...counts, droppedSecrets: definitions.flatMap((d) => d.dropped) };
    },
  };
}
