import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CreateProviderInput } from '../../../shared/ipc/provider-view';
import { AppError } from '../app-error';
import type { Cipher } from '../ports';
import { storedProviderSchema, type StoredProvider } from '../store/keymint-document';
import { createEnvelopeCipher } from '../vault/envelope-cipher';
import { parsePassphraseSlot, unwrapWithPassphrase, wrapWithPassphrase, type PassphraseSlotOptions } from '../vault/passphrase-slot';
import { fieldPlace } from '../vault/places';

/**
 * An encrypted backup in the vault's own format family: a fresh backup key encrypts every
 * secret (same envelope format and places), and a passphrase slot wraps that key. Tokens are
 * left out: they are short-lived and minted again on demand.
 */
const backupSchema = z.object({
  format: z.literal('keymint-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  slot: z.unknown(),
  providers: z.array(storedProviderSchema),
});

export interface RestoredProvider {
  input: CreateProviderInput;
  secrets: Record<string, string>;
}

export async function writeBackup(
  providers: readonly StoredProvider[],
  vaultCipher: Cipher,
  passphrase: string,
  options: { now: number; kdf?: PassphraseSlotOptions['kdf'] },
): Promise<string> {
  const backupKey = randomBytes(32);
  try {
    const backupCipher = createEnvelopeCipher(backupKey);
    const sealed = providers.map((p) => ({
      ...p,
      secrets: Object.fromEntries(
        Object.entries(p.secrets).map(([key, ct]) => {
          const place = fieldPlace(p.id, key);
          return [key, backupCipher.encrypt(vaultCipher.decrypt(ct, place), place)];
        }),
      ),
    }));
    const slot = await wrapWithPassphrase(backupKey, passphrase, { kdf: options.kdf });
    const file: z.infer<typeof backupSchema> = {
      format: 'keymint-backup',
      version: 1,
      createdAt: new Date(options.now).toISOString(),
      slot,
      providers: sealed,
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  } finally {
    backupKey.fill(0);
  }
}

/** Opens a backup with its passphrase; a wrong passphrase or altered byte is refused whole. */
export async function readBackup(text: string, passphrase: string, options: { kdf?: PassphraseSlotOptions['kdf'] } = {}): Promise<RestoredProvider[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', 'This file is not JSON, so it is not a Keymint backup.');
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) throw new AppError('invalid-input', 'This file is not a Keymint backup (or it was damaged).');
  const backupKey = await unwrapWithPassphrase(parsePassphraseSlot(parsed.data.slot), passphrase, { kdf: options.kdf });
  try {
    const cipher = createEnvelopeCipher(backupKey);
    return parsed.data.providers.map((p) => ({
      input: {
        presetId: p.presetId,
        name: p.name,
        baseUrl: p.baseUrl,
        values: { ...p.values },
        recipe: p.recipe ?? undefined,
        settings: p.settings,
      },
      secrets: Object.fromEntries(Object.entries(p.secrets).map(([key, ct]) => [key, cipher.decrypt(ct, fieldPlace(p.id, key))])),
    }));
  } finally {
    backupKey.fill(0);
  }
}
