import type { z } from 'zod';
import { createProviderInputSchema, updateProviderInputSchema } from '../../../shared/ipc/provider-view';
import { isPresetId, presetRecipe } from '../../../shared/recipes/presets';
import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { describeIssues } from '../../../shared/text/describe-issues';
import type { Command, CommandContext } from '../cli-context';
import { usageError } from '../exit-codes';
import { findProvider } from '../find-provider';
import { listOption, stringOption } from '../parse-args';
import { firstLine, readFieldValues } from '../secret-values';

function fieldValues(context: CommandContext, recipe: Recipe | undefined, ask: string[]) {
  const secretKeys = new Set((recipe?.fields ?? []).filter((f) => f.secret).map((f) => f.key));
  return readFieldValues(listOption(context.parsed, 'field'), secretKeys, {
    stdin: context.io.stdin,
    stderr: context.io.stderr,
    env: context.io.env,
    readStdinLine: () => firstLine(context.io.stdin),
    warn: context.say,
  }, ask);
}

/** Checked as the app's IPC checks it: the core takes only what its contract allows. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw usageError(describeIssues(result.error.issues).join('\n'));
  return result.data;
}

/** `keymint add <preset> --name NAME [--base-url URL] [--field KEY=VALUE …]` */
export const add: Command = async (context) => {
  const presetId = context.parsed.positionals[0] as string;
  const name = stringOption(context.parsed, 'name');
  if (!isPresetId(presetId)) throw usageError(`No preset "${presetId}". keymint presets lists them.`);
  if (presetId === 'custom') throw usageError('A custom provider needs a recipe: add it in the app, or keymint import a recipes file.');
  if (!name) throw usageError('keymint add needs --name NAME.');
  const recipe = presetRecipe(presetId);
  const required = (recipe?.fields ?? []).filter((f) => f.secret && f.required).map((f) => f.key);
  const values = await fieldValues(context, recipe, required);
  const input = checked(createProviderInputSchema, { presetId, name, baseUrl: stringOption(context.parsed, 'base-url') ?? '', values });
  const core = context.core();
  await context.unlock();
  const created = await core.providers.create(input);
  context.say(`Added ${created.name} (${created.presetId}).${created.missing.length ? ` Still missing: ${created.missing.join(', ')}.` : ''}`);
  return 0;
};

/** `keymint edit NAME [--name NEW] [--base-url URL] [--field KEY=VALUE …]`: what is left out keeps its value. */
export const edit: Command = async (context) => {
  const core = context.core();
  const provider = findProvider(core, context.parsed.positionals[0] as string);
  const values = await fieldValues(context, presetRecipe(provider.presetId), []);
  const input = checked(updateProviderInputSchema, {
    id: provider.id,
    name: stringOption(context.parsed, 'name'),
    baseUrl: stringOption(context.parsed, 'base-url'),
    values: Object.keys(values).length ? values : undefined,
  });
  await context.unlock();
  const updated = await core.providers.update(input);
  context.say(`Saved ${updated.name}.`);
  return 0;
};

/** `keymint remove NAME` */
export const remove: Command = async (context) => {
  const core = context.core();
  const provider = findProvider(core, context.parsed.positionals[0] as string);
  await context.unlock();
  core.providers.remove(provider.id);
  context.say(`Removed ${provider.name}.`);
  return 0;
};
