import { useId } from 'react';
import type { DuplicateChoice } from '../../../shared/ipc/vault-view';

const CHOICES: { value: DuplicateChoice; label: string }[] = [
  { value: 'skip', label: 'Skip them' },
  { value: 'replace', label: 'Replace them' },
];

/** What an import does with providers that are already here; skipping (the default) changes nothing. */
export function DuplicateChoiceField({ value, onChange }: { value: DuplicateChoice; onChange: (value: DuplicateChoice) => void }) {
  const group = useId();
  return (
    <fieldset className="duplicate-choice">
      <legend>Providers already here</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="duplicate-option">
          <input type="radio" name={group} checked={value === choice.value} onChange={() => onChange(choice.value)} /> {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
