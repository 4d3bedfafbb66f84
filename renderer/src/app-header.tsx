import { AddProviderButton } from './form/provider-form-dialog';
import { SettingsButton } from './settings/settings-dialog';
import { LockButton } from './vault/lock-button';

export function AppHeader() {
  return (
    <header className="app-header">
      <div className="app-title">
        <h1 className="app-name">Keymint</h1>
        <p className="app-tagline">Short-lived API tokens, minted from credentials kept encrypted.</p>
      </div>
      <div className="header-actions">
        <LockButton />
        <SettingsButton />
        <AddProviderButton />
      </div>
    </header>
  );
}
