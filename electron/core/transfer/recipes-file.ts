import { z } from 'zod';
import { providerSettingsSchema, type CreateProviderInput } from '../../../shared/ipc/provider-view';
import { fieldKeySchema } from '../../../shared/recipes/field-key';
import { PRESET_IDS } from '../../../shared/recipes/presets';
import { describeIssues } from '../../../shared/text/describe-issues';
import { AppError } from '../app-error';
import { knownPreset, type StoredProvider } from '../store/keymint-document';

/**
 * Provider definitions without a single secret, as readable JSON fit for a git repository:
 * a team shares definitions and each person adds their own keys.
 */
const definitionSchema = z.object({
  name: z.string().trim().min(1).max(100),
  preset: z.enum(PRESET_IDS),
  baseUrl: z.string().max(2000),
  values: z.record(fieldKeySchema, z.string()).default({}),
  recipe: z.record(z.string(), z.unknown()).optional(),
  settings: providerSettingsSchema.default({}),
});

const recipesFileSchema = z.object({
  format: z.literal('keymint-recipes'),
  version: z.literal(1),
  providers: z.array(definitionSchema).max(5000),
});

export function writeRecipesFile(providers: readonly StoredProvider[]): string {
  const file: z.input<typeof recipesFileSchema> = {
    format: 'keymint-recipes',
    version: 1,
    // A provider whose preset this version does not know cannot be described to another one.
    providers: providers.filter(knownPreset).map((p) => ({
      name: p.name,
      preset: p.presetId,
      baseUrl: p.baseUrl,
      values: p.values, // non-secret field values only: secrets live in `secrets`, never exported here
      ...(p.recipe ? { recipe: JSON.parse(p.recipe) as Record<string, unknown> } : {}),
      settings: p.settings,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses a recipes file into provider inputs, with messages that point at the bad entry. */
export function readRecipesFile(text: string): CreateProviderInput[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', 'This file is not JSON, so it is not a Keymint recipes file.');
  }
  const parsed = recipesFileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('invalid-input', `Not a Keymint recipes file: ${describeIssues(parsed.error.issues.slice(0, 1), 'file')[0]}.`);
  return parsed.data.providers.map((d) => ({
    presetId: d.preset,
    name: d.name,
    baseUrl: d.baseUrl,
    values: d.values,
    recipe: d.recipe ? JSON.stringify(d.recipe) : undefined,
    settings: d.settings,
  }));
}
