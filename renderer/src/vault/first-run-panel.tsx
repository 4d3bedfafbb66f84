import { useId, useRef } from 'react';
import { addProviderButton, useHandFocusOnWhenRemoved } from '../ui/focus-lost';
import { VaultSetupForm } from './vault-setup-form';

/** First run with a keychain: the board already works; this lets the user pick a passphrase instead. */
export function FirstRunPanel() {
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  // "Set up vault" removes this panel with the focused field in it: on to the next step.
  useHandFocusOnWhenRemoved(panelRef, addProviderButton);
  return (
    <section ref={panelRef} className="vault-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="vault-panel-title">
        Set up your vault
      </h2>
      <p className="vault-panel-text">
        Choose how Keymint unlocks your encrypted credentials. Until you choose, adding a provider sets up the system keychain; once you pick a passphrase, Keymint waits for it.
      </p>
      <VaultSetupForm offerKeychain />
    </section>
  );
}
