import { AppHeader } from './app-header';
import { ProvidersBoard } from './board/providers-board';
import { PaletteLauncher } from './palette/palette-launcher';
import { useTheme } from './settings/use-theme';
import { AnnouncerProvider } from './ui/announcer';
import { VaultGate } from './vault-gate';
import { useActivitySignal } from './vault/use-activity-signal';
import { VaultNotice } from './vault/vault-notice';

export function App() {
  useActivitySignal();
  useTheme();
  return (
    <AnnouncerProvider>
      <VaultGate>
        <AppHeader />
        <main className="app-main">
          <VaultNotice />
          <ProvidersBoard />
        </main>
        <PaletteLauncher />
      </VaultGate>
    </AnnouncerProvider>
  );
}
