import type { Handlers } from './router';

/**
 * Runs `checkDeadline` (the vault's idle check) before every handler, so no action — a status
 * read, a setting, an activity signal — can find or keep the vault open past its idle deadline,
 * however late the auto-lock timer fires (e.g. after the machine slept).
 */
export function deadlineFirst(handlers: Handlers, checkDeadline: () => void): Handlers {
  const checked: Record<string, (input: never) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (input: never) => unknown][]) {
    checked[channel] = (input) => {
      checkDeadline();
      return handler(input);
    };
  }
  return checked as Handlers;
}
