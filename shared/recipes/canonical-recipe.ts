/**
 * A recipe's text with its layout removed: recipes files re-indent the JSON they carry, and
 * the same recipe typed with other spacing is still the same recipe (and the same destination).
 */
export function canonicalRecipe(text: string | null | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
