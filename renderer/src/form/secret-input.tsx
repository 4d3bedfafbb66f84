import { useState } from 'react';
import type { ControlProps } from './form-field';

interface SecretInputProps {
  control: ControlProps;
  /** The field's label, completing the toggle's name ("Show API key"). */
  label: string;
  value: string;
  required: boolean;
  placeholder?: string;
  onChange: (value: string) => void;
  /** Editing an optional stored secret: a "Clear" toggle, pressed while it is to be cleared. */
  clear?: { cleared: boolean; onToggle: () => void };
}

/** A password input with a Show/Hide toggle; toggles are named by their text, never a label. */
export function SecretInput({ control, label, value, required, placeholder, onChange, clear }: SecretInputProps) {
  const [shown, setShown] = useState(false);
  return (
    <div className="input-with-button">
      <input
        {...control}
        type={shown ? 'text' : 'password'}
        value={value}
        required={required}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="button" className="button small" aria-controls={control.id} onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'}
        <span className="visually-hidden"> {label}</span>
      </button>
      {clear && (
        <button type="button" className="button small" aria-controls={control.id} aria-pressed={clear.cleared} onClick={clear.onToggle}>
          Clear
          <span className="visually-hidden"> {label}</span>
        </button>
      )}
    </div>
  );
}
