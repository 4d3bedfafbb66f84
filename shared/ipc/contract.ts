import { z } from 'zod';
import { CREDENTIAL_FORMATS } from '../tokens/credential-format';
import { appSettingsInputSchema, appSettingsViewSchema } from './app-settings';
import { credentialTestSchema, providerDetailsSchema, recipeTrialInputSchema, recipeTrialSchema } from './details-view';
import { createProviderRequestSchema, providerViewSchema, updateProviderInputSchema } from './provider-view';
import {
  addKeychainInputSchema,
  autoLockInputSchema,
  backupExportInputSchema,
  chooseSetupInputSchema,
  lockOnSleepInputSchema,
  backupImportInputSchema,
  importResultSchema,
  recipesImportInputSchema,
  removeSlotInputSchema,
  savedFileSchema,
  setPassphraseInputSchema,
  vaultSetupInputSchema,
  vaultStatusSchema,
  vaultUnlockInputSchema,
} from './vault-view';

const providerId = z.object({ id: z.string().min(1).max(100) });
const none = z.undefined();

/**
 * Every IPC channel: the preload method that exposes it, and zod schemas for what goes in
 * and what comes out. Main parses both directions, so nothing outside these shapes crosses.
 */
export const channels = {
  'providers:list': { method: 'listProviders', input: none, output: z.array(providerViewSchema) },
  'providers:create': { method: 'createProvider', input: createProviderRequestSchema, output: providerViewSchema },
  'providers:update': { method: 'updateProvider', input: updateProviderInputSchema, output: providerViewSchema },
  'providers:remove': { method: 'removeProvider', input: providerId, output: z.null() },
  /** Automatic renewal on or off for one provider (on unless turned off). */
  'providers:set-auto-renew': { method: 'setAutoRenew', input: providerId.extend({ enabled: z.boolean() }), output: providerViewSchema },
  'tokens:generate': { method: 'generateToken', input: providerId, output: providerViewSchema },
  /** Copies the credential in `format` (the header line by default) in main: the token never reaches a page. */
  'tokens:copy': {
    method: 'copyToClipboard',
    input: providerId.extend({ format: z.enum(CREDENTIAL_FORMATS).default('header') }),
    /** `clearsInSeconds`: when Keymint empties the clipboard again (if it still holds this copy); null = never. */
    output: z.object({ copied: z.literal(true), headerName: z.string(), label: z.string(), clearsInSeconds: z.number().int().nullable() }),
  },
  'settings:get': { method: 'appSettings', input: none, output: appSettingsViewSchema },
  'settings:update': { method: 'updateAppSettings', input: appSettingsInputSchema, output: appSettingsViewSchema },
  /** The held token described (masked preview, JWT header and claims; never the token), renewals and the last 20 exchanges, redacted. */
  'tokens:details': { method: 'tokenDetails', input: providerId, output: providerDetailsSchema },
  /** One full authentication, reported; a failure never replaces a valid held token, a success stores the new one. */
  'tokens:test': { method: 'testProvider', input: providerId, output: credentialTestSchema },
  /** Runs the form's unsaved recipe once; its values (maybe secrets) go to main, only what the mapping found comes back. */
  'recipes:try': { method: 'tryRecipe', input: recipeTrialInputSchema, output: recipeTrialSchema },
  'vault:status': { method: 'vaultStatus', input: none, output: vaultStatusSchema },
  'vault:setup': { method: 'setUpVault', input: vaultSetupInputSchema, output: vaultStatusSchema },
  'vault:unlock': { method: 'unlockVault', input: vaultUnlockInputSchema, output: vaultStatusSchema },
  'vault:lock': { method: 'lockVault', input: none, output: vaultStatusSchema },
  'vault:set-passphrase': { method: 'setVaultPassphrase', input: setPassphraseInputSchema, output: vaultStatusSchema },
  'vault:add-keychain': { method: 'addVaultKeychain', input: addKeychainInputSchema, output: vaultStatusSchema },
  'vault:remove-slot': { method: 'removeVaultSlot', input: removeSlotInputSchema, output: vaultStatusSchema },
  'vault:set-auto-lock': { method: 'setAutoLock', input: autoLockInputSchema, output: vaultStatusSchema },
  'vault:set-lock-on-sleep': { method: 'setLockOnSleep', input: lockOnSleepInputSchema, output: vaultStatusSchema },
  'vault:choose-setup': { method: 'chooseVaultSetup', input: chooseSetupInputSchema, output: vaultStatusSchema },
  /** The user is at the window (throttled by the renderer): postpones auto-lock, never revives a locked vault. */
  'vault:activity': { method: 'reportActivity', input: none, output: z.null() },
  'vault:start-fresh': { method: 'startFreshVault', input: none, output: vaultStatusSchema },
  'backup:export': { method: 'exportBackup', input: backupExportInputSchema, output: savedFileSchema },
  'backup:import': { method: 'importBackup', input: backupImportInputSchema, output: importResultSchema },
  'recipes:export': { method: 'exportRecipes', input: none, output: savedFileSchema },
  'recipes:import': { method: 'importRecipes', input: recipesImportInputSchema, output: importResultSchema },
} as const;

/**
 * What changed on the board: only the providers that changed and the ids removed, so one token
 * costs one small event whatever the vault's size; or, when all of it may differ (locked,
 * unlocked, another process changed the file), word to list it again — never the whole board.
 */
export const providersChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stale') }),
  z.object({ kind: z.literal('some'), changed: z.array(providerViewSchema), removed: z.array(z.string()) }),
]);
export type ProvidersChange = z.infer<typeof providersChangeSchema>;

/** Pushed from main to the renderer. */
export const events = {
  'providers:changed': { method: 'onProvidersChanged', payload: providersChangeSchema },
  'vault:changed': { method: 'onVaultChanged', payload: vaultStatusSchema },
  'settings:changed': { method: 'onSettingsChanged', payload: appSettingsViewSchema },
  /** The desktop app's global shortcut or menu asked for the quick-copy palette. */
  'ui:open-palette': { method: 'onOpenPalette', payload: z.null() },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** Channel names are prefixed on the wire so nothing else on ipcMain can be reached by name. */
export const IPC_PREFIX = 'keymint:';
