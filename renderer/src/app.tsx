import { AppHeader } from './app-header';
import { ProvidersBoard } from './board/providers-board';
import { AnnouncerProvider } from './ui/announcer';
import { VaultGate } from './vault-gate';
import { useActivitySignal } from './vault/use-activity-signal';
import { VaultNotice } from './vault/vault-notice';

export function App() {
  useActivitySignal();
  return (
    <AnnouncerProvider>
      <VaultGate>
        <AppHeader />
        <main className="app-main">
          <VaultNotice />
          <ProvidersBoard />
        </main>
      </VaultGate>
    </AnnouncerProvider>
  );
}
