import { PRESETS, presetRecipe } from '../../../shared/recipes/presets';
import { namedOrigins } from '../../../shared/recipes/custom-host';
import type { Command } from '../cli-context';

/** The presets as `add` takes them: field keys, labels, which are secret, and the hosts their documentation names. */
export function presetList() {
  return PRESETS.map((preset) => {
    const recipe = presetRecipe(preset.id);
    return {
      id: preset.id,
      label: preset.label,
      fields: (recipe?.fields ?? []).map((field) => ({ key: field.key, label: field.label, secret: field.secret, required: field.required })),
      hosts: [...new Set(namedOrigins(recipe).map((origin) => new URL(origin).host))],
    };
  });
}

export const presets: Command = async ({ parsed, print }) => {
  const list = presetList();
  if (parsed.options.json) {
    print(JSON.stringify(list, null, 2));
    return 0;
  }
  print(
    list
      .map((preset) => {
        const fields = preset.fields.map((f) => `${f.key}${f.secret ? ' (secret)' : ''}${f.required ? "" : " (optional)"} — ${f.label}`);
        const custom = preset.id === 'custom' ? ['  a recipe of your own: add it in the app, or keymint import a recipes file'] : [];
        return [`${preset.id}  ${preset.label}`, ...fields.map((f) => `  --field ${f}`), ...custom, ...(preset.hosts.length ? [`  hosts: ${preset.hosts.join(', ')}`] : [])].join('\n');
      })
      .join('\n\n'),
  );
  return 0;
};
