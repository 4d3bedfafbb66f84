import { useState } from 'react';

/**
 * A control's value while a change it started is saved: the user's pick from the click on (a
 * controlled input must not spring back while main answers), the stored value once the change
 * has settled — a refused change falls back to it. Call `settled` when the mutation settles.
 */
export function usePick<T>(stored: T): { shown: T; pick(value: T): void; settled(): void } {
  const [picked, setPicked] = useState<{ value: T } | null>(null);
  return {
    shown: picked ? picked.value : stored,
    pick: (value) => setPicked({ value }),
    settled: () => setPicked(null),
  };
}
