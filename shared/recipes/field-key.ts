import { z } from 'zod';

/** Names every JavaScript object already answers to (`constructor`, `toString`, `__proto__`…). */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * A recipe field's key, also the key of its value across IPC and on disk. Inherited names are
 * refused as well as odd characters: a field called `constructor` would otherwise meet the
 * built-in of that name wherever values are looked up, and take the whole board down.
 */
export const fieldKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: 'use letters, digits and _ (starting with a letter)', abort: true })
  .refine((key) => !INHERITED_NAMES.has(key), { error: (issue) => `"${String(issue.input)}" is a name JavaScript objects already have: choose another key` });
