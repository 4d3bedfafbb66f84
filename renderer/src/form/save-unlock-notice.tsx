import { useEffect, useId, useRef } from 'react';
import type { VaultStatus } from '../../../shared/ipc/vault-view';
import { UnlockControls } from '../vault/unlock-controls';

/**
 * In the provider form when the vault locked while it was open: the banner behind the dialog
 * cannot be reached, so unlocking happens here, and everything typed stays in the form.
 */
export function SaveUnlockNotice({ slots }: { slots: VaultStatus['slots'] }) {
  const headingId = useId();
  const firstControlRef = useRef<HTMLElement | null>(null);
  useEffect(() => firstControlRef.current?.focus(), []);
  return (
    <section className="save-unlock" aria-labelledby={headingId}>
      <h3 id={headingId}>Vault locked</h3>
      <p>Unlock to save. What you typed stays in the form.</p>
      <UnlockControls slots={slots} firstControlRef={firstControlRef} />
    </section>
  );
}
