import { useId, useLayoutEffect, useRef } from 'react';
import { ADD_PROVIDER_BUTTON_ID, focusLost } from '../ui/focus-lost';
import { VaultSetupForm } from './vault-setup-form';

/** First run with a keychain: the board already works; this lets the user pick a passphrase instead. */
export function FirstRunPanel() {
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  // "Set up vault" removes this panel with the focused control in it, which would drop focus to
  // the page; hand it on to the next step, adding a provider.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    return () => {
      if (!panel?.contains(document.activeElement) && !focusLost()) return;
      requestAnimationFrame(() => {
        if (focusLost()) document.getElementById(ADD_PROVIDER_BUTTON_ID)?.focus();
      });
    };
  }, []);
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
