import { useId } from 'react';
import type { AppSettings } from '../../../shared/ipc/app-settings';
import { Refusal } from '../ui/refusal';
import { useSettingChoice } from './use-app-settings';

type Toggle = 'notifications' | 'globalShortcut';

const LABELS: Record<Toggle, string> = {
  notifications: 'Notify me when a renewal stops for good or a token expires without a new one',
  globalShortcut: 'Ctrl+Shift+K (Cmd+Shift+K on a Mac) in any app brings Keymint forward with Quick copy open',
};

function ToggleField({ setting, enabled }: { setting: Toggle; enabled: boolean }) {
  const id = useId();
  const { shown, choose, error } = useSettingChoice(setting, enabled);
  return (
    <div className="checkbox-setting">
      <input id={id} type="checkbox" checked={shown} onChange={(event) => choose(event.target.checked)} />
      <label htmlFor={id}>{LABELS[setting]}</label>
      {error && <Refusal>{error.message}</Refusal>}
    </div>
  );
}

/** Settings only the desktop app acts on: native notifications and the global shortcut. */
export function DesktopFields({ settings, desktop }: { settings: AppSettings; desktop: boolean }) {
  if (!desktop) {
    return <p className="field-help">Notifications and the global shortcut are available in the Keymint desktop app.</p>;
  }
  return (
    <>
      <ToggleField setting="notifications" enabled={settings.notifications} />
      <ToggleField setting="globalShortcut" enabled={settings.globalShortcut} />
    </>
  );
}
