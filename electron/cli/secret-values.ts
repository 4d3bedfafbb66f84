import { usageError } from './exit-codes';
import { promptHidden, type PromptStreams } from './hidden-prompt';

export interface FieldSource extends PromptStreams {
  env: NodeJS.ProcessEnv;
  /** Reads one line of stdin (for `KEY=@-`); at most once per command. */
  readStdinLine(): Promise<string>;
  warn(message: string): void;
}

/**
 * `--field KEY=VALUE` values, from where the user says:
 * - `KEY=@env:VAR`: the environment variable VAR (it must be set);
 * - `KEY=@-`: one line of stdin (one field at most: stdin has one first line);
 * - `KEY=@prompt`: typed on the terminal without echo;
 * - `KEY=VALUE`: the text itself. For a secret field that works, with a warning: the value is in
 *   `ps` and the shell's history. `@@…` stands for a value that starts with `@`.
 * Secret fields not given are asked for on the terminal (when there is one).
 */
export async function readFieldValues(fields: readonly string[], secretKeys: ReadonlySet<string>, source: FieldSource, ask: readonly string[] = []): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  let stdinUsed = false;
  for (const field of fields) {
    const at = field.indexOf('=');
    if (at <= 0) throw usageError(`--field takes KEY=VALUE; "${field.slice(0, 40)}" has no "=".`);
    const key = field.slice(0, at);
    const spec = field.slice(at + 1);
    if (Object.hasOwn(values, key)) throw usageError(`--field ${key} is given twice.`);
    if (spec.startsWith('@env:')) {
      const name = spec.slice('@env:'.length);
      const value = source.env[name];
      if (value === undefined) throw usageError(`--field ${key}=@env:${name}: the variable ${name} is not set.`);
      values[key] = value;
    } else if (spec === '@-') {
      if (stdinUsed) throw usageError('Only one field can be read from stdin (@-).');
      stdinUsed = true;
      values[key] = await source.readStdinLine();
    } else if (spec === '@prompt') {
      values[key] = await promptHidden(source, `${key}: `);
    } else {
      if (secretKeys.has(key)) source.warn(`warning: the value of ${key} is on the command line, visible in ps and your shell history; next time use ${key}=@env:VAR, ${key}=@- or ${key}=@prompt.`);
      values[key] = spec.startsWith('@@') ? spec.slice(1) : spec;
    }
  }
  for (const key of ask) {
    if (!Object.hasOwn(values, key) && source.stdin.isTTY) values[key] = await promptHidden(source, `${key}: `);
  }
  return values;
}

/** The first line of a stream, without its line ending. */
export async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
  }
  return text;
}
