import { describeIssues } from '../text/describe-issues';
import { recipeSchema, type Recipe } from './recipe-schema';

export type CustomRecipeResult = { ok: true; recipe: Recipe } | { ok: false; errors: string[] };

/** Parses a user-written recipe, with messages that point at the bad field ("request.body.type: ..."). */
export function parseCustomRecipe(text: string): CustomRecipeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`Recipe is not valid JSON: ${(error as Error).message}`] };
  }
  const result = recipeSchema().safeParse(json);
  if (result.success) return { ok: true, recipe: result.data };
  return { ok: false, errors: describeIssues(result.error.issues, 'recipe') };
}
