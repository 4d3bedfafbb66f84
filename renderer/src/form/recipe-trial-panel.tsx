import type { RecipeTrial, RecipeTrialInput } from '../../../shared/ipc/details-view';
import { instantWords, relativeWords } from '../details/claim-times';
import { ExchangeTable } from '../details/exchange-table';
import { useTryRecipe } from '../details/use-token-details';
import { errorMessage } from '../keymint-client';
import { Refusal } from '../ui/refusal';

interface RecipeTrialPanelProps {
  /** What to try: the form as it stands; null while the recipe does not parse. */
  input: RecipeTrialInput | null;
}

/**
 * Try it: sends the recipe once with the form's values, unsaved. The values (secrets typed into
 * the form among them) go to main; what comes back is only what the mapping found and the
 * exchange as main redacted it — never the token.
 */
export function RecipeTrialPanel({ input }: RecipeTrialPanelProps) {
  const trial = useTryRecipe();
  return (
    <div className="recipe-trial">
      <div className="details-test-row">
        <button type="button" className="button" disabled={!input || trial.isPending} onClick={() => input && trial.mutate(input)}>
          {trial.isPending ? 'Trying…' : 'Try it'}
        </button>
        <span className="details-note">Sends one token request with the values below; nothing is saved.</span>
      </div>
      {trial.error && <Refusal>{errorMessage(trial.error)}</Refusal>}
      {trial.data && <TrialResult result={trial.data} />}
    </div>
  );
}

function TrialResult({ result }: { result: RecipeTrial }) {
  const now = Date.now();
  return (
    <section aria-labelledby="recipe-trial-found" className="recipe-trial">
      <h3 id="recipe-trial-found" className="recipe-trial-title">
        What the recipe found
      </h3>
      <dl className="details-fields">
        <div>
          <dt>Token found</dt>
          <dd>{result.tokenFound ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            {result.expiresAt === null
              ? result.ok
                ? 'No expiry known'
                : '—'
              : `${instantWords(Date.parse(result.expiresAt))} · ${relativeWords(Date.parse(result.expiresAt), now)}`}
          </dd>
        </div>
        <div>
          <dt>Expiry from</dt>
          <dd>{result.expirySource ?? '—'}</dd>
        </div>
      </dl>
      {result.error && <Refusal>{result.error.message}</Refusal>}
      {result.exchanges.length > 0 && <ExchangeTable exchanges={result.exchanges} now={now} label="Tried exchanges" />}
    </section>
  );
}
