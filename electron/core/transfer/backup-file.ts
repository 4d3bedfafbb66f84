import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createProviderInputSchema } from '../../../shared/ipc/provider-view';
import { AppError } from '../app-error';
import { knownPreset, type StoredProvider } from '../store/keymint-document';
import { createEnvelopeCipher } from '../vault/envelope-cipher';
import { parsePassphraseSlot, unwrapWithPassphrase, wrapWithPassphrase, type PassphraseSlotOptions } from '../vault/passphrase-slot';
import { isVaultError } from '../vault/vault-error';
import { fieldPlace } from '../vault/places';
import type { EnvelopeCipher } from '../vault/envelope-cipher';

/**
 * An encrypted backup in the vault's own format family: a passphrase slot wraps a fresh backup
 * key, and that key seals the whole payload — every provider's definition and secrets — as one
 * envelope, so nothing in it (not even a base URL) can be altered unnoticed. Tokens are left
 * out: they are short-lived and minted again on demand.
 */
const BACKUP_PLACE = 'keymint-backup';
export const MAX_BACKUP_PROVIDERS = 5000;

const backupFileSchema = z.object({
  format: z.literal('keymint-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  slot: z.unknown(),
  payload: z.string(),
});

const restoredProviderSchema = z.object({
  /** The provider's id where the backup was made (backups before 0.1 have none): restoring twice matches it. */
  id: z.uuid().optional(),
  input: createProviderInputSchema,
  secrets: z.record(z.string(), z.string()),
});
export type RestoredProvider = z.infer<typeof restoredProviderSchema>;
const payloadSchema = z.object({ providers: z.array(restoredProviderSchema).max(MAX_BACKUP_PROVIDERS) });

export async function writeBackup(
  providers: readonly StoredProvider[],
  vaultCipher: EnvelopeCipher,
  passphrase: string,
  options: { now: number; kdf?: PassphraseSlotOptions['kdf'] },
): Promise<string> {
  const payload: z.infer<typeof payloadSchema> = {
    // Only presets this version knows: one from a later version's file could not be restored by it.
    providers: providers.filter(knownPreset).map((p) => ({
      id: p.id,
      input: { presetId: p.presetId, name: p.name, baseUrl: p.baseUrl, values: p.values, recipe: p.recipe ?? undefined, settings: p.settings },
      secrets: Object.fromEntries(Object.entries(p.secrets).map(([key, sealed]) => [key, vaultCipher.decrypt(sealed, fieldPlace(p.id, key))])),
    })),
  };
  const backupKey = randomBytes(32);
  try {
    const file: z.infer<typeof backupFileSchema> = {
      format: 'keymint-backup',
      version: 1,
      createdAt: new Date(options.now).toISOString(),
      slot: await wrapWithPassphrase(backupKey, passphrase, { kdf: options.kdf }),
      payload: createEnvelopeCipher(backupKey).encrypt(JSON.stringify(payload), BACKUP_PLACE),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  } finally {
    backupKey.fill(0);
  }
}

/** The backup key; a slot Keymint would not write (its scrypt cost included) is refused before any derivation. */
async function openBackupKey(slot: unknown, passphrase: string, kdf: PassphraseSlotOptions['kdf']): Promise<Buffer> {
  try {
    return await unwrapWithPassphrase(parsePassphraseSlot(slot), passphrase, { kdf });
  } catch (error) {
    if (isVaultError(error, 'corrupt')) throw new AppError('invalid-input', `This backup cannot be opened: ${error.message}`);
    throw error;
  }
}

/** Opens a backup with its passphrase; a wrong passphrase or any altered byte is refused whole. */
export async function readBackup(text: string, passphrase: string, options: { kdf?: PassphraseSlotOptions['kdf'] } = {}): Promise<RestoredProvider[]> {
  let file: z.infer<typeof backupFileSchema>;
  try {
    file = backupFileSchema.parse(JSON.parse(text));
  } catch {
    throw new AppError('invalid-input', 'This file is not a Keymint backup (or it was damaged).');
  }
  const backupKey = await openBackupKey(file.slot, passphrase, options.kdf);
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(createEnvelopeCipher(backupKey).decrypt(file.payload, BACKUP_PLACE)));
    if (!parsed.success) throw new AppError('invalid-input', 'This backup holds something Keymint cannot restore.');
    return parsed.data.providers;
  } finally {
    backupKey.fill(0);
  }
}

