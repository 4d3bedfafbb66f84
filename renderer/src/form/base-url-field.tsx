import type { Recipe } from '../../../shared/recipes/recipe-schema';
import { FormField } from './form-field';

interface BaseUrlFieldProps {
  /** The recipe's base URL settings; a custom recipe still being written has none. */
  settings: Recipe['baseUrl'] | undefined;
  value: string;
  error?: string;
  /** A caution about the server, e.g. a host the preset does not document. */
  note?: string;
  onChange: (value: string, typed: boolean) => void;
}

/** "Base URL" (or "Token URL"), with the preset's known alternatives one click away. */
export function BaseUrlField({ settings, value, error, note, onChange }: BaseUrlFieldProps) {
  const alternatives = settings?.alternatives ?? [];
  return (
    <FormField label={settings?.label ?? 'Base URL'} error={error} note={note}>
      {(control) => (
        <>
          <input
            {...control}
            type="url"
            inputMode="url"
            value={value}
            required
            placeholder="https://"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange(event.target.value, true)}
          />
          {alternatives.length > 0 && (
            <div className="url-alternatives">
              {alternatives.map((alternative) => (
                <button
                  key={alternative.url}
                  type="button"
                  className="button small"
                  aria-pressed={value.trim() === alternative.url}
                  title={alternative.url}
                  onClick={() => onChange(alternative.url, false)}
                >
                  {alternative.label}
                </button>
              ))}
            </div>
          )}
        </>
      )}
    </FormField>
  );
}
