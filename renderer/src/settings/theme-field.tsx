import { useId } from 'react';
import type { Theme } from '../../../shared/ipc/app-settings';
import { Refusal } from '../ui/refusal';
import { useSettingChoice } from './use-app-settings';

const CHOICES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Applies as soon as it is picked; System follows the OS's light or dark setting. */
export function ThemeField({ theme }: { theme: Theme }) {
  const group = useId();
  const { shown, choose, error } = useSettingChoice('theme', theme);
  return (
    <fieldset className="choice-setting">
      <legend>Theme</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value}>
          <input type="radio" name={group} checked={shown === choice.value} onChange={() => choose(choice.value)} /> {choice.label}
        </label>
      ))}
      {error && <Refusal>{error.message}</Refusal>}
    </fieldset>
  );
}
