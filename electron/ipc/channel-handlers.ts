import type { KeymintCore } from '../core';
import type { AppSettingsView } from '../../shared/ipc/app-settings';
import type { Handlers } from './router';

/** What the host is, as far as the page needs to know. */
export interface HostTraits {
  /** The Electron app: notifications and the global shortcut apply there only. */
  desktop?: boolean;
}

export function settingsView(core: KeymintCore, host: HostTraits): AppSettingsView {
  return { ...core.settings.get(), desktop: host.desktop === true };
}

/**
 * Every channel of the contract, mapped onto the core's facades. Nothing here decides anything:
 * the router has parsed the input, the core applies its rules, the router parses the output.
 * `credential` is deliberately absent: no channel hands a token to the page.
 */
export function channelHandlers(core: KeymintCore, host: HostTraits = {}): Handlers {
  const { providers, tokens, vault, settings, transfer } = core;
  return {
    'settings:get': () => settingsView(core, host),
    'settings:update': (input) => ({ ...settings.update(input), desktop: host.desktop === true }),
    'providers:set-auto-renew': ({ id, enabled }) => providers.setAutoRenew(id, enabled),
    'providers:list': () => providers.list(),
    'providers:create': (input) => providers.create(input),
    'providers:update': (input) => providers.update(input),
    'providers:remove': ({ id }) => {
      providers.remove(id);
      return null;
    },
    // The outcome is part of the view (its status and last error), which is what the page shows.
    'tokens:generate': async ({ id }) => {
      await tokens.obtain(id);
      return providers.get(id);
    },
    'tokens:copy': async ({ id, format }) => ({ copied: true as const, ...(await tokens.copy(id, format)) }),
    'tokens:details': ({ id }) => tokens.details(id),
    'tokens:test': ({ id }) => tokens.test(id),
    'recipes:try': (input) => tokens.tryRecipe(input),
    'vault:status': () => vault.status(),
    'vault:setup': (input) => vault.setup(input),
    'vault:unlock': (input) => vault.unlock(input),
    'vault:lock': () => vault.lock(),
    'vault:set-passphrase': (input) => vault.setPassphrase(input),
    'vault:add-keychain': (input) => vault.addKeychain(input),
    'vault:remove-slot': (input) => vault.removeSlot(input),
    'vault:set-auto-lock': ({ minutes }) => settings.setAutoLock(minutes),
    'vault:set-lock-on-sleep': ({ enabled }) => settings.setLockOnSleep(enabled),
    'vault:choose-setup': ({ method }) => vault.chooseSetup(method),
    'vault:activity': () => {
      vault.activity();
      return null;
    },
    'vault:start-fresh': () => vault.startFresh(),
    'backup:export': (input) => transfer.exportBackup(input),
    'backup:import': (input) => transfer.importBackup(input),
    'recipes:export': () => transfer.exportRecipes(),
    'recipes:import': (input) => transfer.importRecipes(input),
  };
}
