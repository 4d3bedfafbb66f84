import { ownValue } from '../records/own-value';
import { listWords } from '../text/list-words';
import { dotSegmentNames } from './path-segments';
import type { Recipe, RecipeField } from './recipe-schema';
import type { Lookup } from './template';

export interface ValueProblem {
  key: string;
  kind: 'required' | 'choice' | 'together' | 'path';
  message: string;
}

export interface ValueCheckOptions {
  /** Fields already holding a value that is not retyped (stored secrets). */
  alreadySet?: readonly string[];
  /** Imported definitions arrive without their keys (and a shared custom recipe without any value): the board asks for them later. */
  missingAllowed?: boolean;
}

/**
 * What is wrong with a provider's field values: missing required fields (a default counts as
 * given), a value outside its choices, and groups given only in part. The form runs this to
 * point at fields; main runs it to refuse; the board uses it to say what a provider still needs.
 */
export function valueProblems(recipe: Recipe, values: Readonly<Record<string, string>>, options: ValueCheckOptions = {}): ValueProblem[] {
  const typed = (field: RecipeField) => typedValue(values, field);
  const given = (field: RecipeField) => isGiven(values, field, options);
  const problems: ValueProblem[] = missingRequired(recipe, values, options).map((field) => ({
    key: field.key,
    kind: 'required',
    message: `${field.label} is required.`,
  }));
  for (const field of recipe.fields) {
    const value = typed(field);
    if (field.choices && value && !field.choices.some((c) => c.value === value)) {
      problems.push({ key: field.key, kind: 'choice', message: `${field.label} must be one of ${listWords(field.choices.map((c) => c.label))}.` });
    }
  }
  problems.push(...pathProblems(recipe, (key) => {
    const field = recipe.fields.find((f) => f.key === key);
    return field && (ownValue(values, key) || field.default);
  }));
  for (const group of recipe.together) {
    const fields = recipe.fields.filter((f) => group.includes(f.key));
    const missing = fields.filter((f) => !given(f));
    if (missing.length === 0 || missing.length === fields.length) continue;
    const either = fields.length === 2 ? 'fill in both or neither' : 'fill in all of them or none';
    const message = `${listWords(fields.map((f) => f.label))} go together: ${either}.`;
    for (const field of missing) problems.push({ key: field.key, kind: 'together', message });
  }
  return problems;
}

/**
 * Required fields with no value: none typed, no default, nothing stored. Cheap on purpose —
 * the board asks it of every provider on every push.
 */
export function missingRequired(recipe: Recipe, values: Readonly<Record<string, string>>, options: ValueCheckOptions = {}): RecipeField[] {
  return recipe.fields.filter((field) => field.required && !isGiven(values, field, options) && !options.missingAllowed);
}

const typedValue = (values: Readonly<Record<string, string>>, field: RecipeField) => (ownValue(values, field.key) ?? '').trim();

function isGiven(values: Readonly<Record<string, string>>, field: RecipeField, options: ValueCheckOptions): boolean {
  return typedValue(values, field) !== '' || Boolean(field.default) || Boolean(options.alreadySet?.includes(field.key));
}

/** A value that makes a whole path segment `.` or `..` is refused on the field that gave it. */
function pathProblems(recipe: Recipe, lookup: Lookup): ValueProblem[] {
  const names = [recipe.request, recipe.refresh].flatMap((request) => (request ? dotSegmentNames(request.path, lookup) : []));
  const keys = new Set(names.map((alternatives) => alternatives.find((name) => lookup(name))).filter((key) => key !== undefined));
  return recipe.fields
    .filter((field) => keys.has(field.key))
    .map((field) => ({ key: field.key, kind: 'path' as const, message: `${field.label} cannot be "." or ".." (nor their %2e spelling): it goes into the URL path.` }));
}
