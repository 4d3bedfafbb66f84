import { useId } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { findPreset } from '../../../shared/recipes/presets';
import { displayState } from '../../../shared/tokens/token-status';
import { listWords } from '../../../shared/text/list-words';
import { useNow } from '../use-now';
import { ProviderActions } from './provider-actions';
import { Refusal } from '../ui/refusal';
import { TokenStatusView } from './token-status-view';

/** One provider: a list item named by its heading, so tests and screen readers find it by name. */
export function ProviderItem({ provider }: { provider: ProviderView }) {
  const headingId = useId();
  const now = useNow();
  const state = displayState(provider.status, now);
  const { missing } = provider;
  return (
    <li className="provider" aria-labelledby={headingId}>
      <div className="provider-head">
        <h3 id={headingId} className="provider-name">
          {provider.name}
        </h3>
        <p className="provider-where">
          <span className="provider-preset">{findPreset(provider.presetId)?.label}</span>{' '}
          <span className="provider-separator" aria-hidden="true">
            ·
          </span>{' '}
          <span className="provider-url" title={provider.baseUrl}>
            {provider.baseUrl}
          </span>
          {provider.customHost && (
            <span className="custom-host" title="Not a server this preset's documentation names: its keys are sent here.">
              custom host {provider.customHost}
            </span>
          )}
        </p>
      </div>
      {provider.problem ? <Refusal>{provider.problem}</Refusal> : <TokenStatusView status={provider.status} state={state} now={now} />}
      {missing.length > 0 && (
        <p className="needs-secret">
          Needs its {listWords(missing)} before it can mint tokens: choose <strong>Edit</strong> to add{' '}
          {missing.length === 1 ? 'it' : 'them'}.
        </p>
      )}
      <ProviderActions provider={provider} hasUsableToken={state === 'valid'} />
    </li>
  );
}
