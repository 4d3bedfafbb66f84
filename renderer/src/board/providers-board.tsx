import { errorMessage } from '../keymint-client';
import { useProviders } from '../queries/use-providers';
import { ProviderItem } from './provider-item';

export function ProvidersBoard() {
  const providers = useProviders();

  if (providers.isPending) return <p className="board-note">Loading providers…</p>;
  if (providers.isError) {
    return (
      <div className="board-note">
        <p role="alert">Keymint could not load your providers: {errorMessage(providers.error)}</p>
        <button type="button" className="button" onClick={() => void providers.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (providers.data.length === 0) {
    return (
      <div className="board-note empty-board">
        <h2>No providers yet</h2>
        <p>
          Choose <strong>Add provider</strong> to store an API’s credentials once; Keymint then mints its tokens for you.
        </p>
      </div>
    );
  }
  return (
    <ul className="board" aria-label="Providers">
      {providers.data.map((provider) => (
        <ProviderItem key={provider.id} provider={provider} />
      ))}
    </ul>
  );
}
