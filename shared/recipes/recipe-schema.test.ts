import { describe, expect, it } from 'vitest';
import { parseCustomRecipe } from './parse-custom-recipe';
import { PRESETS, PRESET_IDS, presetRecipe } from './presets';
import { recipeSchema, type RecipeInput } from './recipe-schema';

/** A recipe as a user writes it, loose enough to be broken on purpose. */
interface Draft {
  name: string;
  fields: { key: string; label: string; secret?: boolean }[];
  together?: string[][];
  request: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    auth?: Record<string, unknown>;
    body: { type: string; fields?: Record<string, unknown> };
  };
  refresh?: Draft['request'];
  response: { token?: string; expiry?: { path: string; kind: string }; successStatus?: number[]; save?: Record<string, string> };
  header?: { name?: string; scheme?: string };
}

const minimal = {
  name: 'Acme',
  fields: [
    { key: 'apiKey', label: 'API key', secret: true },
    { key: 'tenant', label: 'Tenant' },
  ],
  request: { path: '/{{tenant}}/token', body: { type: 'json', fields: { key: '{{apiKey}}' } } },
  response: { token: 'access_token' },
} satisfies Draft & RecipeInput;

/** The recipe as a user would paste it, with one part changed. */
function custom(change: (recipe: Draft & { request: { body: { fields: Record<string, unknown> } } }) => void): string {
  const recipe = structuredClone(minimal);
  change(recipe);
  return JSON.stringify(recipe);
}

function errorsOf(text: string): string[] {
  const result = parseCustomRecipe(text);
  if (result.ok) throw new Error('expected the recipe to be refused');
  return result.errors;
}

describe('built-in presets', () => {
  const withRecipes = PRESETS.filter((p) => p.recipe);

  it('offers the five seed providers, OAuth and Custom', () => {
    expect(PRESET_IDS).toEqual(['botlhale', 'xenioo', 'highline', 'togai', 'welkin', 'oauth2-client-credentials', 'custom']);
    expect(withRecipes).toHaveLength(6);
    expect(presetRecipe('custom')).toBeUndefined();
  });

  it.each(withRecipes.map((p) => [p.id, p] as const))('%s parses with the strict schema, and is written exactly as the schema outputs it', (_, p) => {
    const parsed = recipeSchema().safeParse(p.recipe);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    // Used as is, without parsing: a default left out would be missing at run time.
    expect(parsed.data).toStrictEqual(p.recipe);
  });

  it.each(withRecipes.map((p) => [p.id, p] as const))('%s offers only valid choice defaults and https alternatives', (_, p) => {
    const recipe = recipeSchema().parse(p.recipe);
    for (const field of recipe.fields) {
      if (field.choices && field.default !== undefined) expect(field.choices.map((c) => c.value)).toContain(field.default);
    }
    for (const alternative of recipe.baseUrl.alternatives) expect(alternative.url).toMatch(/^https:\/\//);
    if (recipe.baseUrl.default) expect(recipe.baseUrl.default).toMatch(/^https:\/\//);
  });

  it('a custom recipe written as a preset parses the same way', () => {
    const result = parseCustomRecipe(JSON.stringify(PRESETS.find((p) => p.id === 'highline')?.recipe));
    expect(result).toEqual({ ok: true, recipe: presetRecipe('highline') });
  });
});

describe('parseCustomRecipe', () => {
  it('applies defaults to a minimal recipe', () => {
    const result = parseCustomRecipe(JSON.stringify(minimal));
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.recipe.request.method).toBe('POST');
    expect(result.recipe.request.auth).toEqual({ type: 'none' });
    expect(result.recipe.response.successStatus).toEqual([200]);
    expect(result.recipe.header).toEqual({ name: 'Authorization', scheme: 'Bearer' });
    expect(result.recipe.fields.map((f) => [f.key, f.secret, f.required])).toEqual([
      ['apiKey', true, true],
      ['tenant', false, true],
    ]);
  });

  it('refuses text that is not JSON, saying so', () => {
    expect(errorsOf('{"name": "Acme",')).toEqual([expect.stringMatching(/^Recipe is not valid JSON: /)]);
    expect(errorsOf('')).toEqual([expect.stringMatching(/^Recipe is not valid JSON/)]);
  });

  it('refuses JSON that is not an object', () => {
    expect(errorsOf('[]')).toEqual([expect.stringMatching(/^recipe: .*expected object/)]);
    expect(errorsOf('null')).toEqual([expect.stringMatching(/^recipe: /)]);
  });

  it('names an unknown placeholder and where it is', () => {
    expect(errorsOf(custom((r) => (r.request.body.fields.key = '{{apiKy}}')))).toEqual(['request.body.fields.key: unknown placeholder {{apiKy}}']);
    expect(errorsOf(custom((r) => (r.request.path = '/{{tenant}}/{{client}}/token')))).toEqual(['request.path: unknown placeholder {{client}}']);
    expect(errorsOf(custom((r) => (r.request.headers = { 'X-Key': '{{tenant|secret}}' })))).toEqual([
      'request.headers.X-Key: unknown placeholder {{secret}}',
    ]);
    expect(errorsOf(custom((r) => (r.request.auth = { type: 'bearer', token: '{{token}}' })))).toEqual([
      'request.auth.token: unknown placeholder {{token}}',
    ]);
  });

  it('names a bad body type', () => {
    expect(errorsOf(custom((r) => (r.request.body = { type: 'xml', fields: {} })))).toEqual([
      expect.stringMatching(/^request\.body\.type: .*'none' \| 'json' \| 'form' \| 'multipart'/),
    ]);
  });

  it('refuses a GET request with a body, which no HTTP client can send', () => {
    expect(errorsOf(custom((r) => (r.request.method = 'GET')))).toEqual(['request.body.type: a GET request cannot have a body; use POST or PUT']);
    expect(parseCustomRecipe(custom((r) => (r.request = { method: 'GET', path: '/token', auth: { type: 'bearer', token: '{{apiKey}}' }, body: { type: 'none', fields: {} } }))).ok).toBe(true);
  });

  it('names a bad expiry kind, status or missing token path', () => {
    expect(errorsOf(custom((r) => (r.response.expiry = { path: 'ttl', kind: 'hours' })))).toEqual([
      expect.stringMatching(/^response\.expiry\.kind: .*"seconds"/),
    ]);
    expect(errorsOf(custom((r) => (r.response.successStatus = [302])))).toEqual([expect.stringMatching(/^response\.successStatus\.0: /)]);
    expect(errorsOf(custom((r) => delete r.response.token))).toEqual([expect.stringMatching(/^response\.token: /)]);
  });

  it('refuses field keys every JavaScript object already has, so no lookup can meet a built-in', () => {
    for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf']) {
      expect(errorsOf(custom((r) => r.fields.push({ key, label: 'Poison' })))).toEqual([
        `fields.2.key: "${key}" is a name JavaScript objects already have: choose another key`,
      ]);
    }
    expect(errorsOf(custom((r) => r.fields.push({ key: '__proto__', label: 'Poison' })))).toEqual([expect.stringMatching(/^fields\.2\.key: use letters/)]);
  });

  it('names bad field keys, duplicates and groups or conditions naming no field', () => {
    expect(errorsOf(custom((r) => r.fields.push({ key: '2fa', label: 'Code' })))).toEqual([expect.stringMatching(/^fields\.2\.key: use letters/)]);
    expect(errorsOf(custom((r) => r.fields.push({ key: 'apiKey', label: 'Again' })))).toEqual(['fields.2.key: duplicate field "apiKey"']);
    expect(errorsOf(custom((r) => (r.together = [['apiKey', 'botKey']])))).toEqual(['together.0.1: no field "botKey"']);
    expect(
      errorsOf(custom((r) => (r.request.body.fields.extra = { value: '{{tenant}}', when: { field: 'mode', equals: 'x' } }))),
    ).toEqual(['request.body.fields.extra.when.field: no field "mode"']);
  });

  it('allows {{saved.refreshToken}} in the refresh request only', () => {
    const refresh = { path: '/token', body: { type: 'json', fields: { refresh_token: '{{saved.refreshToken}}' } } };
    expect(parseCustomRecipe(custom((r) => (r.refresh = refresh))).ok).toBe(true);
    expect(errorsOf(custom((r) => (r.request.body.fields.refresh_token = '{{saved.refreshToken}}')))).toEqual([
      'request.body.fields.refresh_token: unknown placeholder {{saved.refreshToken}}',
    ]);
  });

  it('allows {{saved.x}} only for values the response saves', () => {
    expect(errorsOf(custom((r) => (r.request.headers = { 'X-Subject': '{{saved.subject}}' })))).toEqual([
      'request.headers.X-Subject: unknown placeholder {{saved.subject}}',
    ]);
    const saving = custom((r) => {
      r.request.headers = { 'X-Subject': '{{saved.subject}}' };
      r.response.save = { subject: 'sub' };
    });
    expect(parseCustomRecipe(saving).ok).toBe(true);
  });

  describe('header names and the scheme must be HTTP tokens (RFC 9110)', () => {
    const TCHARS = "letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ (no spaces, colons or quotes)";

    it.each([
      ['a space', 'X Token'],
      ['a colon', 'Authorization:'],
      ['a line break', 'X-Token\r\nX-Injected'],
      ['non-ASCII', 'X-Tökén'],
      ['quotes', '"Authorization"'],
    ])('refuses a copied header name with %s, quoting it', (_, name) => {
      expect(errorsOf(custom((r) => (r.header = { name })))).toEqual([`header.name: ${JSON.stringify(name)} is not a valid header name: use ${TCHARS}`]);
    });

    it('refuses a scheme that is not a token, and says an empty one copies the raw token', () => {
      expect(errorsOf(custom((r) => (r.header = { scheme: 'Bearer ' })))).toEqual([
        `header.scheme: "Bearer " is not a valid auth scheme: use ${TCHARS}, or leave it empty to copy the raw token`,
      ]);
      expect(errorsOf(custom((r) => (r.header = { scheme: 'Token=x' })))).toEqual([expect.stringMatching(/^header\.scheme: "Token=x" is not a valid/)]);
    });

    it('accepts token names and schemes, and an empty scheme', () => {
      for (const header of [{ name: 'X-Api-Token', scheme: '' }, { name: 'authorization', scheme: 'DPoP' }, { name: "X_weird!#$%&'*+.^`|~1", scheme: 'Token' }]) {
        const result = parseCustomRecipe(custom((r) => (r.header = header)));
        expect(result).toMatchObject({ ok: true, recipe: { header } });
      }
    });

    it('cuts a long bad name in the message', () => {
      const name = `X ${'a'.repeat(100)}`;
      expect(errorsOf(custom((r) => (r.header = { name })))).toEqual([expect.stringContaining(`"X ${'a'.repeat(38)}…" is not a valid header name`)]);
    });

    it('checks request and refresh header names and a header auth name', () => {
      const refresh = { path: '/token', headers: { 'X Refresh': 'yes' }, body: { type: 'none' } };
      const errors = errorsOf(
        custom((r) => {
          r.request.headers = { 'X-Ok': 'fine', 'X Tenant': '{{tenant}}' };
          r.request.auth = { type: 'header', name: 'X-Key:', value: '{{apiKey}}' };
          r.refresh = refresh;
        }),
      );
      expect(errors).toEqual([
        `request.headers.X Tenant: "X Tenant" is not a valid header name: use ${TCHARS}`,
        `request.auth.name: "X-Key:" is not a valid header name: use ${TCHARS}`,
        `refresh.headers.X Refresh: "X Refresh" is not a valid header name: use ${TCHARS}`,
      ]);
    });
  });

  it('lists every problem, not just the first', () => {
    const errors = errorsOf(
      custom((r) => {
        r.request.path = '/{{a}}';
        r.request.body.fields.key = '{{b}}';
      }),
    );
    expect(errors).toEqual(['request.path: unknown placeholder {{a}}', 'request.body.fields.key: unknown placeholder {{b}}']);
  });
});
