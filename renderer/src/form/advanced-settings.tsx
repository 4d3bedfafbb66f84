import { DEFAULT_TIMEOUT_SECONDS } from '../../../shared/ipc/provider-view';
import { FormField } from './form-field';
import { SETTING_KEYS, SETTING_LABELS, settingLimits, type SettingKey } from './provider-form-settings';

const HELP: Record<SettingKey, string> = {
  timeoutSeconds: `How long to wait for the token request. ${DEFAULT_TIMEOUT_SECONDS} seconds when empty.`,
  lifetimeSeconds: 'How long a token lasts when the provider reports no expiry and the token carries none.',
};

interface AdvancedSettingsProps {
  values: Record<SettingKey, string>;
  errors: Partial<Record<string, string>>;
  /** Controlled so the form can open it to show a problem inside. */
  open: boolean;
  onToggle: (open: boolean) => void;
  onChange: (key: SettingKey, value: string) => void;
}

/** Rarely needed request settings, folded away until asked for. */
export function AdvancedSettings({ values, errors, open, onToggle, onChange }: AdvancedSettingsProps) {
  return (
    <details className="advanced" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary>Advanced</summary>
      <div className="advanced-fields">
        {SETTING_KEYS.map((key) => {
          const { min, max } = settingLimits(key);
          return (
            <FormField key={key} label={SETTING_LABELS[key]} optional help={HELP[key]} error={errors[key]}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                  value={values[key]}
                  autoComplete="off"
                  onChange={(event) => onChange(key, event.target.value)}
                />
              )}
            </FormField>
          );
        })}
      </div>
    </details>
  );
}
