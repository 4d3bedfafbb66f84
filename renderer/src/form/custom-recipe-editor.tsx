import type { RecipeResolution } from '../../../shared/recipes/resolve-recipe';
import { FormField } from './form-field';

interface CustomRecipeEditorProps {
  text: string;
  parsed: RecipeResolution;
  /** Set when saving was refused because of the recipe. */
  error?: string;
  onChange: (text: string) => void;
}

const PLACEHOLDER = `{
  "name": "My API",
  "fields": [{ "key": "apiKey", "label": "API key", "secret": true }],
  "request": { "path": "/token", "body": { "type": "json", "fields": { "key": "{{apiKey}}" } } },
  "response": { "token": "access_token", "expiry": { "path": "expires_in", "kind": "seconds" } }
}`;

/** The recipe JSON, checked as it is typed; its fields appear below once it is valid. */
export function CustomRecipeEditor({ text, parsed, error, onChange }: CustomRecipeEditorProps) {
  const problems =
    parsed.errors.length > 0 ? (
      <>
        {error && <p>{error}</p>}
        <ul className="recipe-errors">
          {parsed.errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      </>
    ) : (
      error
    );
  return (
    <FormField
      label="Recipe"
      help="JSON describing the token request: the fields you fill in, what to send, and where the token and its expiry are in the reply."
      error={problems}
    >
      {(control) => (
        <>
          <textarea
            {...control}
            className="recipe-text"
            value={text}
            rows={10}
            required
            spellCheck={false}
            autoComplete="off"
            placeholder={PLACEHOLDER}
            onChange={(event) => onChange(event.target.value)}
          />
          {parsed.recipe && (
            <p className="recipe-ok">
              <span aria-hidden="true">✓ </span>
              Recipe “{parsed.recipe.name}” is valid
              {parsed.recipe.fields.length > 0 ? '; fill in its fields below.' : '.'}
            </p>
          )}
        </>
      )}
    </FormField>
  );
}
