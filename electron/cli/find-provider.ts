import type { KeymintCore } from '../core';
import type { ProviderView } from '../../shared/ipc/provider-view';
import { CliError, EXIT } from './exit-codes';

/** The provider a command names: by exact name, else by a name that differs only in case, else by id. Exit 5 when none. */
export function findProvider(core: KeymintCore, name: string): ProviderView {
  const providers = core.providers.list();
  const exact = providers.filter((p) => p.name === name);
  const folded = providers.filter((p) => p.name.toLowerCase() === name.toLowerCase());
  const found = exact.length === 1 ? exact[0] : folded.length === 1 ? folded[0] : providers.find((p) => p.id === name);
  if (found) return found;
  if (exact.length > 1 || folded.length > 1) throw new CliError(EXIT.noSuchProvider, `More than one provider is named "${name}": use its id (keymint list --json).`);
  throw new CliError(EXIT.noSuchProvider, `No provider named "${name}". keymint list shows them.`);
}
