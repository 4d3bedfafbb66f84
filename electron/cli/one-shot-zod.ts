import { config } from 'zod';

/**
 * Zod compiles a fast parser for each object schema the first time it parses with it: worth it
 * in the app, which parses the same shapes for hours, pure cost in a command that parses each
 * shape once (it was half the time of a cached `keymint header`). Takes effect for schemas
 * built after this runs, so the CLI loads this before the core and the shared schemas.
 */
config({ jitless: true });
