import { z } from 'zod';
import { stringMapSchema } from '../records/string-map-schema';
import { fieldKeySchema } from '../recipes/field-key';
import { PRESET_IDS } from '../recipes/presets';
import { providerSettingsSchema } from './provider-view';

const instant = z.string().datetime();

/**
 * One token request as the details panel shows it. Everything in it was redacted in main when
 * it was recorded: no secret, token, refresh token or Basic credential, and the reply's text
 * capped and stripped of control characters (a provider's reply is hostile input).
 */
export const exchangeViewSchema = z.object({
  at: instant,
  durationMs: z.number().int().min(0),
  /** A full authentication, or the refresh grant of a recipe that has one. */
  kind: z.enum(['authenticate', 'refresh']),
  /** The reply's HTTP status; null when no reply came (network, timeout, redirect refused…). */
  status: z.number().int().nullable(),
  /** Why it failed (a token error's kind, e.g. "http", "network", "mapping"); null when a token came back. */
  failure: z.string().nullable(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    body: z.string().nullable(),
  }),
  response: z
    .object({
      contentType: z.string().nullable(),
      body: z.string(),
      /** How many characters of the reply were left out (0 when shown whole). */
      omittedChars: z.number().int().min(0),
    })
    .nullable(),
});
export type ExchangeView = z.infer<typeof exchangeViewSchema>;

/** One outcome of asking for a token: by the user (Generate, Copy), by renewal, or by Test credentials. */
export const renewalEventSchema = z.object({
  at: instant,
  trigger: z.enum(['manual', 'automatic', 'test']),
  outcome: z.enum(['renewed', 'failed']),
  /** The failure in words (redacted), null on success. */
  detail: z.string().nullable(),
});
export type RenewalEvent = z.infer<typeof renewalEventSchema>;

/** The held token, described: never the token itself. */
export const heldTokenViewSchema = z.object({
  /** First and last 4 characters of a token longer than 16 characters, the rest masked; fully masked otherwise. */
  preview: z.string(),
  obtainedAt: instant,
  expiresAt: instant.nullable(),
  expirySource: z.string(),
  /** Decoded JWT header and the descriptive claims (never the signature); null when the token is not a JWT. */
  jwt: z
    .object({
      header: stringMapSchema(z.string()),
      claims: stringMapSchema(z.string()),
    })
    .nullable(),
});
export type HeldTokenView = z.infer<typeof heldTokenViewSchema>;

export const providerDetailsSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: heldTokenViewSchema.nullable(),
  /** Newest first, at most 20. */
  renewals: z.array(renewalEventSchema).max(20),
  /** Newest first, at most 20. */
  exchanges: z.array(exchangeViewSchema).max(20),
});
export type ProviderDetails = z.infer<typeof providerDetailsSchema>;

/** What Test credentials found. A failure never replaces a valid token; a success stores the new one, as Generate does. */
export const credentialTestSchema = z.object({
  ok: z.boolean(),
  status: z.number().int().nullable(),
  durationMs: z.number().int().min(0).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** True when the test's new token is now the one held (every success); a failure leaves the held token as it was. */
  stored: z.boolean(),
  exchange: exchangeViewSchema.nullable(),
});
export type CredentialTest = z.infer<typeof credentialTestSchema>;

/**
 * A recipe tried from the form, unsaved. `values` may hold secrets typed into the form: they go
 * from the page to main (allowed) and never back. With `id`, secret fields left empty use that
 * provider's stored values.
 */
export const recipeTrialInputSchema = z.object({
  id: z.string().min(1).max(100).optional(),
  presetId: z.enum(PRESET_IDS),
  baseUrl: z.string().trim().max(2000),
  values: z.record(fieldKeySchema, z.string().max(20_000)),
  recipe: z.string().max(100_000).optional(),
  settings: providerSettingsSchema.optional(),
});
export type RecipeTrialInput = z.infer<typeof recipeTrialInputSchema>;

/** What the mapping found in a tried reply: whether a token was there (never the token), its expiry and where that came from. */
export const recipeTrialSchema = z.object({
  ok: z.boolean(),
  tokenFound: z.boolean(),
  expiresAt: instant.nullable(),
  expirySource: z.string().nullable(),
  claims: stringMapSchema(z.string()).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  exchanges: z.array(exchangeViewSchema),
});
export type RecipeTrial = z.infer<typeof recipeTrialSchema>;
