import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { lifeState, lifeStateChangesAt, type LifeState } from '../../../shared/tokens/token-life';
import { errorMessage } from '../keymint-client';
import { useProviders } from '../queries/use-providers';
import { useVaultLocked } from '../queries/use-vault-status';
import { dialogOpen, isShortcut } from '../ui/shortcut-key';
import { useClock } from '../use-clock';
import { arrangeProviders, DEFAULT_CHOICES, summarize, type BoardChoices } from './board-arrangement';
import { BoardDialogs, type BoardDialogKind, type OpenBoardDialog } from './board-dialogs';
import { BoardSummary } from './board-summary';
import { BoardToolbar } from './board-toolbar';
import { ProviderList } from './provider-list';

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
  return <Board providers={providers.data} />;
}

/**
 * Every provider's state, as one string: the board re-renders when a state changes (a token
 * starts expiring, main reports a renewal), not on every tick; and the states are worked out
 * again only when main sends news or the clock passes the next instant one of them changes.
 */
function useBoardStates(providers: readonly ProviderView[]): string {
  const cache = useMemo(() => ({ key: '', until: Number.NEGATIVE_INFINITY }), [providers]);
  return useClock((now) => {
    if (now < cache.until) return cache.key;
    let until = Number.POSITIVE_INFINITY;
    cache.key = providers
      .map((provider) => {
        until = Math.min(until, lifeStateChangesAt(provider, now));
        return lifeState(provider, now);
      })
      .join(' ');
    cache.until = until;
    return cache.key;
  });
}

function Board({ providers }: { providers: readonly ProviderView[] }) {
  const [choices, setChoices] = useState<BoardChoices>(DEFAULT_CHOICES);
  const [dialog, setDialog] = useState<OpenBoardDialog | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const locked = useVaultLocked();

  const statesKey = useBoardStates(providers);
  const summary = useMemo(() => summarize(statesKey.split(' ') as LifeState[]), [statesKey]);
  // Sorting by status reads the states; re-arranged when they, the list or a choice change
  // (statesKey stands in for the clock).
  const shown = useMemo(() => arrangeProviders(providers, choices, Date.now()), [providers, choices, statesKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event, 'f') || dialogOpen()) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const openDialog = useCallback((kind: BoardDialogKind, id: string) => setDialog({ kind, id }), []);
  const closeDialog = useCallback(() => setDialog(null), []);

  return (
    <section className="board" aria-labelledby="board-heading">
      <div className="board-bar">
        <h2 id="board-heading" className="board-heading">
          Providers
        </h2>
        <BoardSummary summary={summary} total={providers.length} locked={locked} />
        <BoardToolbar choices={choices} onChange={setChoices} searchRef={searchRef} />
      </div>
      {shown.length === 0 ? (
        <p className="board-note" role="status">
          No provider matches {choices.query ? `“${choices.query}”` : 'this filter'}.
        </p>
      ) : (
        <ProviderList providers={shown} onDialog={openDialog} />
      )}
      <BoardDialogs open={dialog} providers={providers} onClose={closeDialog} />
    </section>
  );
}
