import { useEffect, useRef, useState } from 'react';
import { useVaultStatus } from '../queries/use-vault-status';
import { Dialog } from '../ui/dialog';
import { AutoLockField } from './auto-lock-field';
import { AutoRenewSection } from './auto-renew-section';
import { ClipboardDelayField } from './clipboard-delay-field';
import { DesktopFields } from './desktop-fields';
import { ThemeField } from './theme-field';
import { useAppSettings } from './use-app-settings';
import { BackupSection } from './backup-section';
import { LockOnSleepField } from './lock-on-sleep-field';
import { RecipesSection } from './recipes-section';
import { UnlockMethodsSection } from './unlock-methods-section';

export function SettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Settings
      </button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function SettingsDialog({ onClose }: { onClose: () => void }) {
  const status = useVaultStatus().data;
  const settings = useAppSettings().data;
  const body = useRef<HTMLDivElement>(null);
  const ready = Boolean(settings);
  // Opens on its first control (the theme), not on the dialog or the Close button at the end.
  useEffect(() => {
    if (ready) body.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [ready]);
  return (
    <Dialog title="Settings" className="settings-dialog" onClose={onClose}>
      <div className="settings-body" ref={body}>
        {settings && <ThemeField theme={settings.theme} />}
        {settings && <ClipboardDelayField seconds={settings.clipboardClearSeconds} />}
        {settings && <DesktopFields settings={settings} desktop={settings.desktop} />}
        {status && <AutoLockField minutes={status.autoLockMinutes} />}
        {status && <LockOnSleepField enabled={status.lockOnSleep} />}
        <AutoRenewSection />
        {status && <UnlockMethodsSection status={status} />}
        <BackupSection locked={status?.state === 'locked'} />
        <RecipesSection />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
