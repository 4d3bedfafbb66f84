import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { TokenStatus } from '../../../shared/tokens/token-status';
import type { StoredProvider } from '../store/keymint-document';
import { missingLabels, recipeOf } from './provider-recipe';

/** What the renderer may see of a stored provider: secret fields only as set / not set. */
export function toProviderView(provider: StoredProvider, status: TokenStatus): ProviderView {
  const recipe = recipeOf(provider.presetId, provider.recipe);
  const secretsSet: Record<string, boolean> = {};
  for (const field of recipe.fields) if (field.secret) secretsSet[field.key] = Boolean(provider.secrets[field.key]);
  return {
    id: provider.id,
    name: provider.name,
    presetId: provider.presetId,
    baseUrl: provider.baseUrl,
    values: { ...provider.values },
    secretsSet,
    recipe: provider.recipe,
    settings: { ...provider.settings },
    header: { ...recipe.header },
    missing: missingLabels(recipe, provider.values, Object.keys(provider.secrets)),
    status,
  };
}
