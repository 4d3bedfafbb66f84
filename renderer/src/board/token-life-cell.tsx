import { useMemo } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { LIFE_MARKS, LIFE_WORDS, lifeCountdown, lifeRenewed, lifeState, tokenLife } from '../../../shared/tokens/token-life';
import { LiveText } from '../ui/live-text';
import { useClock } from '../use-clock';
import { CountdownText } from './painted-countdown';

/**
 * The row's status word and countdown. It renders when the state changes (valid to expiring,
 * renewing, expired); the ticking text itself (countdown, "Retrying in 12 s", "renewed 12 s
 * ago") follows the clock on its own, so a tick renders no row.
 */
export function TokenLifeCell({ provider, busy }: { provider: ProviderView; busy: boolean }) {
  const ticking = useClock((now) => lifeState(provider, now));
  const state = busy ? 'renewing' : ticking;
  const { status } = provider;
  // Formatting a date for the tooltip is costly next to a tick: once per token, not per second.
  const expiresTitle = useMemo(() => (status.expiresAt === null ? undefined : `Expires ${new Date(status.expiresAt).toLocaleString()}`), [status.expiresAt]);
  const hasCountdown = status.state === 'valid' && state !== 'needs-key';
  return (
    <>
      <p className={`row-status state-${state}`}>
        <span className="status-mark" aria-hidden="true">
          {LIFE_MARKS[state]}
        </span>
        {state === 'retrying' ? (
          <LiveText className="status-word" text={(now) => tokenLife(provider, now).word} />
        ) : (
          <span className="status-word">{LIFE_WORDS[state]}</span>
        )}
      </p>
      <p className="row-time">
        <span className="row-time-box">
        {hasCountdown && status.expiresAt !== null && (
          <CountdownText className={`countdown state-${state}`} dateTime={status.expiresAt} title={expiresTitle} text={(now) => lifeCountdown(provider, now)} />
        )}
        {hasCountdown && status.expiresAt === null && <span className="countdown">expiry unknown</span>}
        {hasCountdown && status.expirySource && <span className="visually-hidden"> expiry from {status.expirySource}</span>}
        {status.renewal.state === 'off' && <span className="renewed"> · renewal off</span>}
        {status.renewal.renewedAt !== null && (
          <>
            {' '}
            <LiveText className="renewed" text={(now) => lifeRenewed(provider, now)} />
          </>
        )}
        </span>
      </p>
    </>
  );
}
