import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { useKeymintClient } from '../keymint-client-context';
import { matchProviders, searchable } from '../palette/match-providers';
import { upsertProvider } from '../queries/providers-cache';
import { useProviders } from '../queries/use-providers';
import { Refusal } from '../ui/refusal';
import { usePick } from '../ui/use-pick';

/** A long list is narrowed by typing, with the palette's matcher. */
const SHOWN = 30;

function useSetAutoRenew() {
  const keymint = useKeymintClient();
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['providers:set-auto-renew'],
    mutationFn: (input: { id: string; enabled: boolean }) => keymint.setAutoRenew(input),
    onSuccess: (provider) => upsertProvider(client, provider),
  });
}

function AutoRenewToggle({ provider }: { provider: ProviderView }) {
  const id = useId();
  const set = useSetAutoRenew();
  const { shown: checked, pick, settled } = usePick(provider.autoRenew);
  return (
    <li className="checkbox-setting">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => {
          pick(event.target.checked);
          set.mutate({ id: provider.id, enabled: event.target.checked }, { onSettled: settled });
        }} />
      <label htmlFor={id}>{provider.name}</label>
      {set.error && <Refusal>{set.error.message}</Refusal>}
    </li>
  );
}

/** Automatic renewal per provider: on unless turned off; off, a token lasts until it expires. */
export function AutoRenewSection() {
  const providers = useProviders().data ?? [];
  const [query, setQuery] = useState('');
  const filterId = useId();
  const items = useMemo(() => providers.map(searchable), [providers]);
  const matches = useMemo(() => matchProviders(items, query), [items, query]);
  if (providers.length === 0) return null;
  return (
    <section className="settings-section" aria-labelledby={`${filterId}-title`}>
      <h3 id={`${filterId}-title`}>Automatic renewal</h3>
      <p className="field-help">Keymint renews a token before it expires. Untick a provider to let its tokens run out instead.</p>
      {providers.length > SHOWN && (
        <input id={filterId} aria-label="Find a provider" placeholder="Find a provider" value={query} onChange={(event) => setQuery(event.target.value)} />
      )}
      <ul className="auto-renew-list">
        {matches.slice(0, SHOWN).map(({ view }) => (
          <AutoRenewToggle key={view.id} provider={view} />
        ))}
      </ul>
      {matches.length > SHOWN && <p className="field-help">{matches.length - SHOWN} more: type to narrow.</p>}
    </section>
  );
}
