import { useId } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { findPreset } from '../../../shared/recipes/presets';
import { ProviderActions } from './provider-actions';
import { TokenStatusView } from './token-status-view';

/** One provider: a list item named by its heading, so tests and screen readers find it by name. */
export function ProviderItem({ provider }: { provider: ProviderView }) {
  const headingId = useId();
  return (
    <li className="provider" aria-labelledby={headingId}>
      <div className="provider-head">
        <h3 id={headingId} className="provider-name">
          {provider.name}
        </h3>
        <p className="provider-where">
          <span className="provider-preset">{findPreset(provider.presetId)?.label}</span>
          <span className="provider-url" title={provider.baseUrl}>
            {provider.baseUrl}
          </span>
        </p>
      </div>
      <TokenStatusView status={provider.status} />
      <ProviderActions provider={provider} />
    </li>
  );
}
