import { ownValue } from '../../../shared/records/own-value';
import { dotSegmentNames } from '../../../shared/recipes/path-segments';
import type { BodyValue, Condition, Recipe, RecipeRequest } from '../../../shared/recipes/recipe-schema';
import { renderTemplate, rendersEmpty, type Lookup } from '../../../shared/recipes/template';
import type { TokenHttpRequest } from '../http/token-http-client';
import { checkTokenUrl } from '../http/url-policy';
import { TokenError } from '../exchange-errors/token-error';

export interface RequestContext {
  baseUrl: string;
  /** Every field's value (secrets decrypted, defaults applied). */
  values: Record<string, string>;
  /** Values kept from the last reply, including `refreshToken`. */
  saved: Record<string, string>;
}

function contextLookup(context: RequestContext): Lookup {
  return (name) => (name.startsWith('saved.') ? ownValue(context.saved, name.slice('saved.'.length)) : ownValue(context.values, name));
}

const holds = (condition: Condition | undefined, values: Record<string, string>) =>
  !condition || ownValue(values, condition.field) === condition.equals;

/** Turns a recipe's request and the user's values into an HTTP request. Values are only ever
 * substituted as values: URL-encoded in the path, JSON strings, form fields. */
export function buildTokenRequest(recipe: Recipe, request: RecipeRequest, context: RequestContext): TokenHttpRequest {
  const lookup = contextLookup(context);
  // Used as typed: some token endpoints answer only with their trailing slash (Django OAuth
  // Toolkit's /o/token/ is a 404 without it).
  const base = context.baseUrl.trim();
  if (!base) throw new TokenError('config', `${recipe.baseUrl.label} is not set.`);
  // Checked again here: a value stored before this rule, or a saved value from a reply.
  if (dotSegmentNames(request.path, lookup).length > 0) {
    throw new TokenError('config', `A value in the request path is "." or "..", which would send it to another path on the server: edit the provider.`);
  }
  const url = checkTokenUrl(joinPath(base, renderTemplate(request.path, lookup, encodeURIComponent)));

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = renderTemplate(value, lookup);
  const auth = request.auth;
  if (auth.type !== 'none' && holds(auth.when, context.values)) {
    if (auth.type === 'basic') {
      const encode = auth.encoding === 'form-urlencoded' ? formUrlEncode : (v: string) => v;
      const pair = `${encode(renderTemplate(auth.username, lookup))}:${encode(renderTemplate(auth.password, lookup))}`;
      headers.Authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
    } else if (auth.type === 'bearer') {
      headers.Authorization = `Bearer ${renderTemplate(auth.token, lookup)}`;
    } else {
      headers[auth.name] = renderTemplate(auth.value, lookup);
    }
  }

  const body = request.body;
  if (body.type === 'none') return { method: request.method, url, headers };
  const entries = bodyEntries(body.fields, lookup, context.values);
  if (body.type === 'json') {
    headers['Content-Type'] = 'application/json';
    return { method: request.method, url, headers, body: JSON.stringify(Object.fromEntries(entries)) };
  }
  if (body.type === 'form') {
    return { method: request.method, url, headers, body: new URLSearchParams(entries) };
  }
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return { method: request.method, url, headers, body: form };
}

/** Exactly one slash between the base URL and the recipe's path, whichever side has it. */
function joinPath(base: string, path: string): string {
  if (!path) return base;
  const baseSlash = base.endsWith('/');
  const pathSlash = path.startsWith('/');
  if (baseSlash && pathSlash) return base + path.slice(1);
  return baseSlash || pathSlash ? base + path : `${base}/${path}`;
}

function bodyEntries(fields: Record<string, BodyValue>, lookup: Lookup, values: Record<string, string>): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const template = typeof spec === 'string' ? spec : spec.value;
    if (typeof spec !== 'string' && !holds(spec.when, values)) continue;
    if (rendersEmpty(template, lookup)) continue;
    entries.push([name, renderTemplate(template, lookup)]);
  }
  return entries;
}

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks for client ids and secrets. */
function formUrlEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
