/**
 * `{{name}}` placeholders, with `{{a|b}}` meaning "the first of a, b that is not empty".
 * Rendering always goes through a lookup, so a value can never introduce new placeholders.
 */
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

export type Lookup = (name: string) => string | undefined;

/** Each placeholder in order, as its list of alternative names. */
export function placeholders(template: string): string[][] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => alternatives(m[1] ?? ''));
}

function alternatives(inner: string): string[] {
  return inner.split('|').map((name) => name.trim()).filter(Boolean);
}

function resolve(names: string[], lookup: Lookup): string {
  for (const name of names) {
    const value = lookup(name);
    if (value !== undefined && value !== '') return value;
  }
  return '';
}

export function renderTemplate(template: string, lookup: Lookup, encode: (v: string) => string = (v) => v): string {
  return template.replace(PLACEHOLDER, (_, inner: string) => encode(resolve(alternatives(inner), lookup)));
}

/** True when the template has placeholders and every one of them resolves to nothing. */
export function rendersEmpty(template: string, lookup: Lookup): boolean {
  const found = placeholders(template);
  return found.length > 0 && found.every((names) => resolve(names, lookup) === '');
}
