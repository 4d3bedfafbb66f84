import { FormField } from '../form/form-field';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'new-password' lets a password manager offer to save it; 'off' for one-time passphrases. */
  autoComplete: 'current-password' | 'new-password' | 'off';
  help?: string;
  error?: string;
}

/** A labelled password input for a passphrase, with help and error wired to it. */
export function PassphraseField({ label, value, onChange, autoComplete, help, error }: PassphraseFieldProps) {
  return (
    <FormField label={label} help={help} error={error}>
      {(control) => (
        <input
          {...control}
          type="password"
          value={value}
          required
          autoComplete={autoComplete}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
