import { z } from 'zod';

/** The vault as the renderer sees it: state and choices, never key material. */
export const vaultStatusSchema = z.object({
  /** `unreadable`: the data file could not be read; it is left untouched until the user decides. */
  state: z.enum(['uninitialized', 'locked', 'unlocked', 'unreadable']),
  slots: z.array(z.enum(['keychain', 'passphrase'])),
  keychain: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  autoLockMinutes: z.number().int().nullable(),
  /** Lock when the screen locks or the machine sleeps. */
  lockOnSleep: z.boolean(),
  /** The set-up method picked before pressing "Set up vault"; while it is a passphrase, nothing sets up the keychain by default. */
  setupMethod: z.enum(['keychain', 'passphrase']).nullable(),
  problem: z.string().nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const MIN_PASSPHRASE_LENGTH = 8;
const newPassphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `Use at least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024);
const anyPassphrase = z.string().min(1, 'Enter the passphrase').max(1024);

export const vaultSetupInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('keychain') }),
  z.object({ method: z.literal('passphrase'), passphrase: newPassphrase }),
]);
export const vaultUnlockInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('keychain') }),
  z.object({ method: z.literal('passphrase'), passphrase: anyPassphrase }),
]);
/** Changes to how the vault opens, and backups, need the current passphrase when the vault has one. */
const ownerCheck = { currentPassphrase: anyPassphrase.optional() };
export const setPassphraseInputSchema = z.object({ passphrase: newPassphrase, ...ownerCheck });
export const addKeychainInputSchema = z.object(ownerCheck);
export const removeSlotInputSchema = z.object({ kind: z.enum(['keychain', 'passphrase']), ...ownerCheck });
export const chooseSetupInputSchema = z.object({ method: z.enum(['keychain', 'passphrase']) });
export const lockOnSleepInputSchema = z.object({ enabled: z.boolean() });
export const autoLockInputSchema = z.object({ minutes: z.number().int().min(1).max(24 * 60).nullable() });

/** Main writes exports where the user chooses; only the path (or null: cancelled) comes back. */
export const savedFileSchema = z.object({ savedTo: z.string().nullable() });
export const backupExportInputSchema = z.object({ passphrase: newPassphrase, ...ownerCheck });
/**
 * What an import does with a provider that is already here (a backup's: the same provider;
 * a recipes file's: the same name, preset, base URL and recipe): leave it, or replace it.
 */
export const duplicateChoiceSchema = z.enum(['skip', 'replace']);
export type DuplicateChoice = z.infer<typeof duplicateChoiceSchema>;
export const backupImportInputSchema = z.object({
  content: z.string().max(50_000_000),
  passphrase: anyPassphrase,
  duplicates: duplicateChoiceSchema.default('skip'),
});
export const recipesImportInputSchema = z.object({ content: z.string().max(10_000_000), duplicates: duplicateChoiceSchema.default('skip') });
export const importResultSchema = z.object({
  added: z.number().int(),
  replaced: z.number().int(),
  skipped: z.number().int(),
  /** Every host the added and replaced providers send their keys to, e.g. "api.togai.com". */
  hosts: z.array(z.string()),
  /** Secret values a recipes file held, dropped unread, as "Provider: Field": each adds their own keys. */
  droppedSecrets: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;
