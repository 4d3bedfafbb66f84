import { useEffect, useId, useRef } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { activeProviderRow, addProviderButton, useHandFocusOnWhenRemoved } from '../ui/focus-lost';
import { LOCKED_HINT_ID } from './locked-hint';
import { UnlockControls } from './unlock-controls';

/** Above the board while locked: providers stay listed; minting, copying and editing wait for this. */
export function UnlockBanner({ slots }: { slots: VaultStatus['slots'] }) {
  const headingId = useId();
  const firstControlRef = useRef<HTMLElement | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  // Unlocked, the banner goes with the focused field in it: on to the board's row, ready to copy.
  useHandFocusOnWhenRemoved(panelRef, () => activeProviderRow() ?? addProviderButton());

  // Unlocking is the one thing to do now; but never pull focus out of a dialog the user is in.
  useEffect(() => {
    if (document.activeElement?.closest('dialog')) return;
    firstControlRef.current?.focus();
  }, []);

  return (
    <section ref={panelRef} className="vault-panel vault-locked" aria-labelledby={headingId}>
      <h2 id={headingId} className="vault-panel-title">
        Vault locked
      </h2>
      <p id={LOCKED_HINT_ID} className="vault-panel-text">
        Your providers stay listed, but generating, copying and editing wait until you unlock.
      </p>
      <UnlockControls slots={slots} firstControlRef={firstControlRef} />
    </section>
  );
}
