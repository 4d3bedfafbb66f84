import { z } from 'zod';
import { isPresetId, type PresetId } from '../../../shared/recipes/presets';
import { stringMapSchema } from '../../../shared/records/string-map-schema';

/**
 * What a provider's settings may hold on disk. Deliberately looser than the IPC input (which
 * bounds what can be typed now): a limit tightened later must never make a saved file unreadable.
 */
const storedSettingsSchema = z.object({
  timeoutSeconds: z.number().optional(),
  lifetimeSeconds: z.number().optional(),
});

/**
 * Everything Keymint keeps in its data file (tokens live in their own cache, token-cache.ts).
 * Secret field values are ciphertexts only. These schemas are the stored format's own, never
 * the IPC contract's: a preset renamed or removed in a later version leaves the file readable,
 * and that provider is shown as needing attention.
 */
export const storedProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** A preset id, or one this version does not know (the provider is then shown as broken). */
  presetId: z.string(),
  baseUrl: z.string(),
  recipe: z.string().nullable(),
  /** Non-secret field values, in clear. */
  values: stringMapSchema(z.string()),
  /** Secret field values, each encrypted for `provider:<id>:field:<key>`. */
  secrets: stringMapSchema(z.string()),
  settings: storedSettingsSchema,
  /** Automatic renewal; absent means on (providers saved before the setting existed renew as they did). */
  autoRenew: z.boolean().optional(),
  createdAt: z.number(),
  /**
   * The digest of this provider's request state, written with it (request-state.ts): held tokens
   * are checked against it at unlock. Absent in files written before it existed.
   */
  requestDigest: z.string().optional(),
});
export type StoredProvider = z.infer<typeof storedProviderSchema>;

/** 3: tokens moved out to their own cache file (see token-cache.ts). */
export const DOCUMENT_VERSION = 3;

export const keymintDocumentSchema = z.object({
  version: z.literal(DOCUMENT_VERSION),
  providers: z.array(storedProviderSchema),
  /** Key slots wrapping the vault's data key (see electron/services/vault). */
  vault: z.record(z.string(), z.unknown()).optional(),
  settings: z
    .object({
      autoLockMinutes: z.number().int().nullable().optional(),
      lockOnSleep: z.boolean().optional(),
      // Keymint's own settings (shared/ipc/app-settings): loose here, a value out of today's bounds reads as the default.
      theme: z.string().optional(),
      clipboardClearSeconds: z.number().optional(),
      notifications: z.boolean().optional(),
      globalShortcut: z.boolean().optional(),
    })
    .optional(),
});
export type KeymintDocument = z.infer<typeof keymintDocumentSchema>;

export function emptyDocument(): KeymintDocument {
  return { version: DOCUMENT_VERSION, providers: [] };
}

/** A stored provider whose preset this version knows (the others are shown, not run or exported). */
export function knownPreset(provider: StoredProvider): provider is StoredProvider & { presetId: PresetId } {
  return isPresetId(provider.presetId);
}
