import type { ProviderView } from '../../../shared/ipc/provider-view';
import { resolveRecipe } from '../form/provider-form-state';

/** Labels of required secrets with nothing stored, e.g. after importing a shared recipes file. */
export function missingSecrets(provider: ProviderView): string[] {
  const { recipe } = resolveRecipe(provider.presetId, provider.recipe ?? '');
  return (recipe?.fields ?? []).filter((f) => f.secret && f.required && !provider.secretsSet[f.key]).map((f) => f.label);
}

