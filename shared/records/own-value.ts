/**
 * A record's value for a key only when the record itself holds it: `values[key]` would also
 * find what every object inherits (`constructor`, `toString`…), and a key chosen by a recipe
 * author or a shared file must never reach a built-in function.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
