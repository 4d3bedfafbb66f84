import { z } from 'zod';
import { fieldKeySchema } from '../recipes/field-key';
import { PRESET_IDS } from '../recipes/presets';
import { stringMapSchema } from '../records/string-map-schema';
import { tokenStatusSchema } from '../tokens/token-status';

const fieldValues = z.record(fieldKeySchema, z.string().max(20_000));

/** A token request's timeout when the provider sets none. */
export const DEFAULT_TIMEOUT_SECONDS = 15;

export const providerSettingsSchema = z.object({
  /** Per-provider request timeout; DEFAULT_TIMEOUT_SECONDS when not set. */
  timeoutSeconds: z.number().int().min(1).max(120).optional(),
  /** Used when the provider reports no expiry and the token is not a JWT with `exp`. */
  lifetimeSeconds: z.number().int().min(1).max(366 * 24 * 3600).optional(),
});

/** What the renderer sees of a provider: secret fields only as "set" / "not set". */
export const providerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Usually one of PRESET_IDS; a data file from a later version may name a preset this one does not know. */
  presetId: z.string(),
  baseUrl: z.string(),
  values: stringMapSchema(z.string()),
  secretsSet: stringMapSchema(z.boolean()),
  /** A custom provider's recipe JSON (recipes hold no secrets). */
  recipe: z.string().nullable(),
  settings: providerSettingsSchema,
  /** Renewed automatically before expiry (on unless the user turned it off for this provider). */
  autoRenew: z.boolean(),
  /** The header line's name and scheme, e.g. "Authorization" / "Bearer". */
  header: z.object({ name: z.string(), scheme: z.string() }),
  /** Labels of required fields with nothing stored (e.g. keys not yet added after an import). */
  missing: z.array(z.string()),
  /** The host of a preset provider that is not a server its preset documents (see shared/recipes/custom-host). */
  customHost: z.string().nullable(),
  /** Why the provider cannot run as stored (a custom recipe that no longer loads): Edit or Remove it. */
  problem: z.string().nullable(),
  status: tokenStatusSchema,
});
export type ProviderView = z.infer<typeof providerViewSchema>;

const name = z.string().trim().min(1, 'Name is required').max(100);
const baseUrl = z.string().trim().max(2000);

export const createProviderInputSchema = z.object({
  presetId: z.enum(PRESET_IDS),
  name,
  baseUrl,
  /** Every field the user filled in, secret or not; empty optional fields may be left out. */
  values: fieldValues,
  recipe: z.string().max(100_000).optional(),
  settings: providerSettingsSchema.optional(),
});
export type CreateProviderInput = z.infer<typeof createProviderInputSchema>;

/**
 * The form's Save: `requestKey` is one random key per form, so a second Save sent before the
 * first answered (a double click, Enter pressed twice) gets the provider the first one made.
 */
export const createProviderRequestSchema = createProviderInputSchema.extend({ requestKey: z.string().min(16).max(100).optional() });

export const updateProviderInputSchema = z.object({
  id: z.string().min(1),
  name: name.optional(),
  baseUrl: baseUrl.optional(),
  /** Only the fields being changed: a secret left out keeps its stored value. */
  values: fieldValues.optional(),
  recipe: z.string().max(100_000).optional(),
  settings: providerSettingsSchema.optional(),
});
export type UpdateProviderInput = z.infer<typeof updateProviderInputSchema>;
