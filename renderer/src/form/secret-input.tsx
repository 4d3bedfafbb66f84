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
}

/** A password input with a Show/Hide toggle; the toggle is named by its text, never a label. */
export function SecretInput({ control, label, value, required, placeholder, onChange }: SecretInputProps) {
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
    </div>
  );
}
