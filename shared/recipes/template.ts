/**
 * `{{name}}` placeholders, with `{{a|b}}` meaning "the first of a, b that is not empty".
 * Rendering always goes through a lookup, so a value can never introduce new placeholders.
 */
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

export type Lookup = (name: string) => string | undefined;

/** A template cut into its literal text and its placeholders (each a list of alternative names). */
type Parts = readonly (string | readonly string[])[];

/**
 * Templates come from recipes, so there are few, and every token request renders the same ones:
 * each is cut up once. Bounded, since a recipe being typed makes a new template per keystroke.
 */
const parsed = new Map<string, Parts>();
const MAX_PARSED = 512;

function parse(template: string): Parts {
  let parts = parsed.get(template);
  if (parts) return parts;
  const cut: (string | string[])[] = [];
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > at) cut.push(template.slice(at, match.index));
    cut.push(alternatives(match[1] ?? ''));
    at = match.index + match[0].length;
  }
  if (at < template.length) cut.push(template.slice(at));
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(template, (parts = cut));
  return parts;
}

/** Each placeholder in order, as its list of alternative names. */
export function placeholders(template: string): string[][] {
  return parse(template)
    .filter((part) => typeof part !== 'string')
    .map((names) => [...names]);
}

function alternatives(inner: string): string[] {
  return inner.split('|').map((name) => name.trim()).filter(Boolean);
}

function resolve(names: readonly string[], lookup: Lookup): string {
  for (const name of names) {
    const value = lookup(name);
    if (value !== undefined && value !== '') return value;
  }
  return '';
}

export function renderTemplate(template: string, lookup: Lookup, encode: (v: string) => string = (v) => v): string {
  let text = '';
  for (const part of parse(template)) text += typeof part === 'string' ? part : encode(resolve(part, lookup));
  return text;
}

/** True when the template has placeholders and every one of them resolves to nothing. */
export function rendersEmpty(template: string, lookup: Lookup): boolean {
  const found = parse(template).filter((part) => typeof part !== 'string');
  return found.length > 0 && found.every((names) => resolve(names, lookup) === '');
}
