import { ProvidersBoard } from './board/providers-board';
import { AddProviderButton } from './form/provider-form-dialog';
import { AnnouncerProvider } from './ui/announcer';
import { VaultGate } from './vault-gate';

export function App() {
  return (
    <AnnouncerProvider>
      <VaultGate>
        <header className="app-header">
          <div>
            <h1 className="app-name">Keymint</h1>
            <p className="app-tagline">Short-lived API tokens, minted from credentials kept encrypted.</p>
          </div>
          <AddProviderButton />
        </header>
        <main className="app-main">
          <ProvidersBoard />
        </main>
      </VaultGate>
    </AnnouncerProvider>
  );
}
