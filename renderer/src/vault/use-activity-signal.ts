import { useEffect } from 'react';
import { useKeymintClient } from '../keymint-client-context';
import { useVaultStatus } from '../queries/use-vault-status';
import { throttleActivity } from './activity-throttle';

/** What counts as the user being at the window: typing, clicking, touching, scrolling. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * One app-level listener that tells main the user is here, so typing a long form does not count
 * as idle. Only while unlocked: main ignores it otherwise, and it never reopens a locked vault.
 */
export function useActivitySignal(): void {
  const keymint = useKeymintClient();
  const unlocked = useVaultStatus().data?.state === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    // A lost signal only means auto-lock comes sooner; nothing to report to the user.
    const throttle = throttleActivity(() => void keymint.reportActivity().catch(() => undefined), () => Date.now());
    const onActivity = () => throttle.onEvent();
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { capture: true, passive: true });
    return () => {
      throttle.stop();
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
    };
  }, [keymint, unlocked]);
}
