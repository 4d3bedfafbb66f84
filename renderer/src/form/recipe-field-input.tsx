import type { RecipeField } from '../../../shared/recipes/recipe-schema';
import { FormField } from './form-field';
import { SecretInput } from './secret-input';

interface RecipeFieldInputProps {
  field: RecipeField;
  value: string;
  error?: string;
  /** Editing, with a stored secret: empty means "keep it". */
  secretStored: boolean;
  onChange: (value: string) => void;
}

/** One control per recipe field: a choice list, a secret, or plain text. */
export function RecipeFieldInput({ field, value, error, secretStored, onChange }: RecipeFieldInputProps) {
  const required = field.required && !secretStored;
  return (
    <FormField label={field.label} optional={!field.required} help={field.help} error={error}>
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
            placeholder={secretStored ? 'Unchanged' : undefined}
            onChange={onChange}
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
