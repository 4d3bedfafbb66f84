import { z } from 'zod';
import { HTTP_TOKEN_WORDS, isHttpToken } from '../http/header-syntax';
import { fieldKeySchema } from './field-key';
import { placeholders } from './template';

/**
 * A recipe describes one provider's token exchange declaratively: which fields the user
 * fills in, what request to send, and where the token and its expiry are in the reply.
 * Templates use `{{field}}` placeholders; `{{a|b}}` takes the first non-empty of several.
 * Values are always substituted as values (JSON strings, form fields, URL-encoded path
 * segments), never spliced into raw text.
 */

export const expiryKinds = ['seconds', 'minutes', 'epoch-seconds', 'epoch-millis', 'iso8601'] as const;

/**
 * The schemas are built on first use, not when this module loads: building them is most of a
 * millisecond per dozen zod objects, and a command-line call that only reads a cached token
 * (presets hold their recipes ready: see ./presets) never validates a recipe at all.
 */
let built: RecipeSchema | undefined;

/** The schema custom recipes are checked against (built once, on first call). */
export function recipeSchema(): RecipeSchema {
  return (built ??= buildRecipeSchema());
}

/** A recipe's parts, the request (also used for `refresh`) among them. */
function buildParts() {
  const fieldKey = fieldKeySchema;
  const recipeFieldSchema = z.object({
    key: fieldKey,
    label: z.string().min(1),
    secret: z.boolean().default(false),
    required: z.boolean().default(true),
    default: z.string().optional(),
    help: z.string().optional(),
    /** Offered as a choice list instead of free text. */
    choices: z.array(z.object({ value: z.string(), label: z.string().min(1) })).min(2).optional(),
  });

  /** A path into a JSON reply: dot-separated keys (matched case-insensitively); a list gives alternatives. */
  const responsePathSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
    error: 'expected a path such as "access_token" or "data.token", or a list of such paths',
  });

  const expiryKindSchema = z.enum(expiryKinds);

  const template = z.string();

  /** Applies a part of the request only when a (choice) field has a given value. */
  const conditionSchema = z.object({ field: fieldKey, equals: z.string() });

  const authSchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('none') }),
    z.object({
      type: z.literal('basic'),
      username: template,
      password: template,
      /** RFC 6749 §2.3.1 wants OAuth client ids and secrets form-urlencoded before base64. */
      encoding: z.enum(['plain', 'form-urlencoded']).default('plain'),
      when: conditionSchema.optional(),
    }),
    z.object({ type: z.literal('bearer'), token: template, when: conditionSchema.optional() }),
    z.object({ type: z.literal('header'), name: z.string().min(1), value: template, when: conditionSchema.optional() }),
  ]);

  /** Body values are templates; an entry whose placeholders all resolve to nothing is left out. */
  const bodyValue = z.union([template, z.object({ value: template, when: conditionSchema })]);
  const bodyFields = z.record(z.string().min(1), bodyValue);

  const bodySchema = z.discriminatedUnion('type', [
    z.object({ type: z.literal('none') }),
    z.object({ type: z.literal('json'), fields: bodyFields }),
    z.object({ type: z.literal('form'), fields: bodyFields }),
    z.object({ type: z.literal('multipart'), fields: bodyFields }),
  ]);

  const requestSchema = z.object({
    method: z.enum(['POST', 'GET', 'PUT']).default('POST'),
    /** Appended to the base URL; placeholders are URL-encoded. An absolute URL is not allowed. */
    path: z.string().default(''),
    headers: z.record(z.string().min(1), template).default({}),
    auth: authSchema.default({ type: 'none' }),
    body: bodySchema.default({ type: 'none' }),
  });
  return { fieldKey, recipeFieldSchema, responsePathSchema, expiryKindSchema, requestSchema };
}

function buildRecipeSchema() {
  const { fieldKey, recipeFieldSchema, responsePathSchema, expiryKindSchema, requestSchema } = buildParts();

  const responseSchema = z.object({
    successStatus: z.array(z.number().int().min(200).max(299)).min(1).default([200]),
    token: responsePathSchema,
    refreshToken: responsePathSchema.optional(),
    expiry: z.object({ path: responsePathSchema, kind: expiryKindSchema }).optional(),
    /** Values kept (encrypted) for later requests, e.g. Highline's `subject`, usable as `{{saved.name}}`. */
    save: z.record(fieldKey, responsePathSchema).default({}),
    /** A boolean in the reply that must be true, with the words to show when it is not. */
    mustBeTrue: z.array(z.object({ path: responsePathSchema, message: z.string().min(1) })).default([]),
  });

  return z
    .object({
      name: z.string().min(1),
      fields: z.array(recipeFieldSchema).default([]),
      /** Fields that must be given together or not at all (Xenioo's bot key and secret). */
      together: z.array(z.array(fieldKey).min(2)).default([]),
      baseUrl: z
        .object({
          label: z.string().default('Base URL'),
          default: z.string().optional(),
          alternatives: z.array(z.object({ label: z.string().min(1), url: z.string().url() })).default([]),
        })
        .default({ label: 'Base URL', alternatives: [] }),
      request: requestSchema,
      response: responseSchema,
      /** Used instead of `request` when a refresh token is held; `{{saved.refreshToken}}` is available. */
      refresh: requestSchema.optional(),
      /** Plain words for statuses the provider documents without a body worth showing. */
      statusMessages: z.record(z.string().regex(/^\d{3}$/), z.string()).default({}),
      header: z
        .object({ name: z.string().min(1).default('Authorization'), scheme: z.string().default('Bearer') })
        .default({ name: 'Authorization', scheme: 'Bearer' }),
    })
    .superRefine((recipe, ctx) => {
      const keys = new Set(recipe.fields.map((f) => f.key));
      recipe.fields.forEach((f, i) => {
        if (recipe.fields.findIndex((g) => g.key === f.key) !== i) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `duplicate field "${f.key}"` });
        }
      });
      recipe.fields.forEach((f, i) => {
        // A recipe is shared as is: a default here would be the author's key, used by everyone.
        if (f.secret && f.default !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'default'], message: 'a secret field cannot have a default: recipes hold no secrets' });
        }
      });
      recipe.together.forEach((group, i) =>
        group.forEach((key, j) => {
          if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['together', i, j], message: `no field "${key}"` });
        }),
      );
      for (const [at, request] of [['request', recipe.request], ['refresh', recipe.refresh]] as const) {
        if (request?.method === 'GET' && request.body.type !== 'none') {
          ctx.addIssue({ code: 'custom', path: [at, 'body', 'type'], message: 'a GET request cannot have a body; use POST or PUT' });
        }
      }
      checkHeaderSyntax(recipe, ctx);
      const saved = new Set(Object.keys(recipe.response.save).map((k) => `saved.${k}`));
      checkRequestNames(recipe.request, ['request'], keys, saved, ctx);
      if (recipe.refresh) {
        checkRequestNames(recipe.refresh, ['refresh'], keys, new Set([...saved, 'saved.refreshToken']), ctx);
      }
    });
}

/**
 * Header names and the copied header's scheme must be RFC 9110 tokens: a space, colon or line
 * break there would make a header line that HTTP clients refuse or read as something else.
 * The scheme may be empty, meaning the raw token is copied.
 */
function checkHeaderSyntax(
  recipe: { header: { name: string; scheme: string }; request: RecipeRequest; refresh?: RecipeRequest },
  ctx: z.RefinementCtx,
): void {
  const refuse = (path: (string | number)[], what: string, text: string) =>
    ctx.addIssue({ code: 'custom', path, message: `${shown(text)} is not a valid ${what}: use ${HTTP_TOKEN_WORDS}` });
  if (!isHttpToken(recipe.header.name)) refuse(['header', 'name'], 'header name', recipe.header.name);
  if (recipe.header.scheme !== '' && !isHttpToken(recipe.header.scheme)) {
    ctx.addIssue({
      code: 'custom',
      path: ['header', 'scheme'],
      message: `${shown(recipe.header.scheme)} is not a valid auth scheme: use ${HTTP_TOKEN_WORDS}, or leave it empty to copy the raw token`,
    });
  }
  for (const [at, request] of [['request', recipe.request], ['refresh', recipe.refresh]] as const) {
    if (!request) continue;
    for (const name of Object.keys(request.headers)) {
      if (!isHttpToken(name)) refuse([at, 'headers', name], 'header name', name);
    }
    if (request.auth.type === 'header' && !isHttpToken(request.auth.name)) refuse([at, 'auth', 'name'], 'header name', request.auth.name);
  }
}

/** The offending text quoted so spaces and control characters show, cut if long. */
function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Every placeholder and condition must name a field (or a saved value), so typos fail at save time. */
function checkRequestNames(
  request: RecipeRequest,
  at: (string | number)[],
  fields: Set<string>,
  saved: Set<string>,
  ctx: z.RefinementCtx,
): void {
  const check = (text: string, path: (string | number)[]) => {
    for (const names of placeholders(text)) {
      for (const name of names) {
        if (!fields.has(name) && !saved.has(name)) {
          ctx.addIssue({ code: 'custom', path: [...at, ...path], message: `unknown placeholder {{${name}}}` });
        }
      }
    }
  };
  const checkWhen = (when: { field: string } | undefined, path: (string | number)[]) => {
    if (when && !fields.has(when.field)) {
      ctx.addIssue({ code: 'custom', path: [...at, ...path, 'when', 'field'], message: `no field "${when.field}"` });
    }
  };
  check(request.path, ['path']);
  Object.entries(request.headers).forEach(([name, value]) => check(value, ['headers', name]));
  const auth = request.auth;
  if (auth.type === 'basic') {
    check(auth.username, ['auth', 'username']);
    check(auth.password, ['auth', 'password']);
  } else if (auth.type === 'bearer') {
    check(auth.token, ['auth', 'token']);
  } else if (auth.type === 'header') {
    check(auth.value, ['auth', 'value']);
  }
  if (auth.type !== 'none') checkWhen(auth.when, ['auth']);
  if (request.body.type !== 'none') {
    Object.entries(request.body.fields).forEach(([name, value]) => {
      const path = ['body', 'fields', name];
      if (typeof value === 'string') check(value, path);
      else {
        check(value.value, [...path, 'value']);
        checkWhen(value.when, path);
      }
    });
  }
}

type RecipeSchema = ReturnType<typeof buildRecipeSchema>;
export type Recipe = z.output<RecipeSchema>;
export type RecipeInput = z.input<RecipeSchema>;
export type RecipeField = Recipe['fields'][number];
export type RecipeRequest = z.output<ReturnType<typeof buildParts>['requestSchema']>;
export type ResponsePath = Recipe['response']['token'];
export type ExpiryKind = (typeof expiryKinds)[number];
export type Condition = NonNullable<Extract<RecipeRequest['auth'], { type: 'bearer' }>['when']>;
export type BodyValue = Extract<RecipeRequest['body'], { type: 'json' }>['fields'][string];
