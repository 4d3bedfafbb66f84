import { useEffect, useRef, useState } from 'react';
import { useVaultStatus } from '../queries/use-vault-status';
import { Dialog } from '../ui/dialog';
import { AutoLockField } from './auto-lock-field';
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
  const body = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  // A modal dialog focuses itself unless told otherwise: Settings opens on its first control,
  // once the controls that depend on the vault's status are there.
  useEffect(() => {
    if (focused.current || !status) return;
    focused.current = true;
    body.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [status]);
  return (
    <Dialog title="Settings" className="settings-dialog" onClose={onClose}>
      <div ref={body} className="settings-body">
        {status && <AutoLockField minutes={status.autoLockMinutes} />}
        {status && <LockOnSleepField enabled={status.lockOnSleep} />}
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
