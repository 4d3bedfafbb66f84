import type { RecipeField } from '../../../shared/recipes/recipe-schema';
import { FormField } from './form-field';
import { SecretInput } from './secret-input';

interface RecipeFieldInputProps {
  field: RecipeField;
  value: string;
  error?: string;
  /** Editing, with a stored secret: empty means "keep it", unless `retypeHint` says it cannot be kept. */
  secretStored: boolean;
  /** Set when the edit moves the provider, so the stored secret must be typed again. */
  retypeHint?: string;
  /** The user asked to clear the stored (optional) secret on save. */
  cleared: boolean;
  onChange: (value: string) => void;
  onClear: (cleared: boolean) => void;
}

/** One control per recipe field: a choice list, a secret, or plain text. */
export function RecipeFieldInput({ field, value, error, secretStored, retypeHint, cleared, onChange, onClear }: RecipeFieldInputProps) {
  const kept = secretStored && !retypeHint;
  const required = field.required && !kept;
  // Only an optional secret can be cleared: a required one can only be replaced.
  const clearable = secretStored && !field.required;
  return (
    <FormField
      label={field.label}
      optional={!field.required}
      help={field.help}
      note={secretStored && !cleared ? retypeHint : undefined}
      error={error}
    >
      {(control) =>
        field.choices ? (
          <select {...control} value={value} required={required} onChange={(event) => onChange(event.target.value)}>
            {value === '' && <option value="">Choose…</option>}
            {field.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        ) : field.secret ? (
          <SecretInput
            control={control}
            label={field.label}
            value={value}
            required={required}
            placeholder={cleared ? 'Cleared when you save' : kept ? 'Unchanged' : undefined}
            onChange={onChange}
            clear={clearable ? { cleared, onToggle: () => onClear(!cleared) } : undefined}
          />
        ) : (
          <input
            {...control}
            type="text"
            value={value}
            required={required}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FormField>
  );
}
