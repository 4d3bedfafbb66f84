import { DEFAULT_CLIPBOARD_CLEAR_SECONDS } from '../../../shared/ipc/app-settings';
import { FormField } from '../form/form-field';
import { useSettingChoice } from './use-app-settings';

const CHOICES: { seconds: number; label: string }[] = [
  { seconds: 15, label: '15 seconds' },
  { seconds: 30, label: '30 seconds' },
  { seconds: 60, label: '1 minute' },
  { seconds: 120, label: '2 minutes' },
  { seconds: 300, label: '5 minutes' },
  { seconds: 0, label: 'Never' },
];

/** Applies to the next copy; a value set elsewhere (the CLI, a hand edit) is still shown. */
export function ClipboardDelayField({ seconds }: { seconds: number }) {
  const { shown, choose, error } = useSettingChoice('clipboardClearSeconds', seconds);
  const choices = CHOICES.some((c) => c.seconds === seconds) ? CHOICES : [...CHOICES, { seconds, label: `${seconds} seconds` }];
  return (
    <FormField
      label="Clear the clipboard"
      help={`After copying a token, Keymint empties the clipboard after this long if it still holds the copy (${DEFAULT_CLIPBOARD_CLEAR_SECONDS} seconds unless you change it). Locking and quitting clear it too.`}
      error={error?.message}
    >
      {(control) => (
        <select {...control} className="auto-lock-select" value={shown} onChange={(event) => choose(Number(event.target.value))}>
          {choices.map((choice) => (
            <option key={choice.seconds} value={choice.seconds}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
