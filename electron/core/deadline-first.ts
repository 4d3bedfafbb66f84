/**
 * Runs `checkDeadline` (the vault's idle check) before every method of a facade, so no action
 * from any host — a status read, a setting, an activity signal — can find or keep the vault
 * open past its idle deadline, however late the auto-lock timer fires (e.g. after sleep).
 */
export function deadlineFirst<T extends object>(facade: T, checkDeadline: () => void): T {
  const checked: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(facade)) {
    checked[name] =
      typeof method === 'function'
        ? (...args: unknown[]) => {
            checkDeadline();
            return (method as (...a: unknown[]) => unknown).apply(facade, args);
          }
        : method;
  }
  return Object.freeze(checked) as T;
}
