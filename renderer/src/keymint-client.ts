import type { ChannelInput, ChannelOutput, EventPayload } from '../../shared/ipc/contract';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/ipc-result';
import type { KeymintApi } from '../../shared/ipc/keymint-api';

/** A failed IPC call: the code says what kind of failure, the message is safe to show as is. */
export class IpcError extends Error {
  override readonly name = 'IpcError';

  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function api(): KeymintApi {
  const bridge = window.keymint;
  if (!bridge) throw new IpcError('internal', 'Keymint’s bridge to the app is missing. Open Keymint from the app, not in a browser.');
  return bridge;
}

async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new IpcError(result.code, result.message);
  return result.value;
}

/** `window.keymint` with failures turned into thrown IpcErrors, so react-query sees them as errors. */
export const keymintClient = {
  listProviders: (): Promise<ChannelOutput<'providers:list'>> => unwrap(api().listProviders()),
  createProvider: (input: ChannelInput<'providers:create'>): Promise<ChannelOutput<'providers:create'>> =>
    unwrap(api().createProvider(input)),
  updateProvider: (input: ChannelInput<'providers:update'>): Promise<ChannelOutput<'providers:update'>> =>
    unwrap(api().updateProvider(input)),
  removeProvider: (input: ChannelInput<'providers:remove'>): Promise<ChannelOutput<'providers:remove'>> =>
    unwrap(api().removeProvider(input)),
  generateToken: (input: ChannelInput<'tokens:generate'>): Promise<ChannelOutput<'tokens:generate'>> =>
    unwrap(api().generateToken(input)),
  copyBearerHeader: (input: ChannelInput<'tokens:copy-header'>): Promise<ChannelOutput<'tokens:copy-header'>> =>
    unwrap(api().copyBearerHeader(input)),
  vaultStatus: (): Promise<ChannelOutput<'vault:status'>> => unwrap(api().vaultStatus()),
  setUpVault: (input: ChannelInput<'vault:setup'>): Promise<ChannelOutput<'vault:setup'>> => unwrap(api().setUpVault(input)),
  unlockVault: (input: ChannelInput<'vault:unlock'>): Promise<ChannelOutput<'vault:unlock'>> => unwrap(api().unlockVault(input)),
  lockVault: (): Promise<ChannelOutput<'vault:lock'>> => unwrap(api().lockVault()),
  setVaultPassphrase: (input: ChannelInput<'vault:set-passphrase'>): Promise<ChannelOutput<'vault:set-passphrase'>> =>
    unwrap(api().setVaultPassphrase(input)),
  addVaultKeychain: (): Promise<ChannelOutput<'vault:add-keychain'>> => unwrap(api().addVaultKeychain()),
  removeVaultSlot: (input: ChannelInput<'vault:remove-slot'>): Promise<ChannelOutput<'vault:remove-slot'>> =>
    unwrap(api().removeVaultSlot(input)),
  setAutoLock: (input: ChannelInput<'vault:set-auto-lock'>): Promise<ChannelOutput<'vault:set-auto-lock'>> =>
    unwrap(api().setAutoLock(input)),
  startFreshVault: (): Promise<ChannelOutput<'vault:start-fresh'>> => unwrap(api().startFreshVault()),
  exportBackup: (input: ChannelInput<'backup:export'>): Promise<ChannelOutput<'backup:export'>> => unwrap(api().exportBackup(input)),
  importBackup: (input: ChannelInput<'backup:import'>): Promise<ChannelOutput<'backup:import'>> => unwrap(api().importBackup(input)),
  exportRecipes: (): Promise<ChannelOutput<'recipes:export'>> => unwrap(api().exportRecipes()),
  importRecipes: (input: ChannelInput<'recipes:import'>): Promise<ChannelOutput<'recipes:import'>> =>
    unwrap(api().importRecipes(input)),
  // Without the bridge there is nothing to listen to; the first call reports the missing bridge.
  onProvidersChanged: (listener: (providers: EventPayload<'providers:changed'>) => void): (() => void) =>
    window.keymint?.onProvidersChanged(listener) ?? (() => undefined),
  onVaultChanged: (listener: (status: EventPayload<'vault:changed'>) => void): (() => void) =>
    window.keymint?.onVaultChanged(listener) ?? (() => undefined),
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
