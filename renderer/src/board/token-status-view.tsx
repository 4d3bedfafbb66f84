import { renewalWords } from '../../../shared/tokens/renewal-words';
import { formatCountdown, STATE_WORDS, type DisplayState, type TokenStatus } from '../../../shared/tokens/token-status';
import { Refusal } from '../ui/refusal';

/** A shape beside each word, so the state never rests on colour alone. */
const STATE_MARKS: Record<DisplayState, string> = { none: '○', valid: '✓', expired: '!', error: '✕' };

interface TokenStatusViewProps {
  status: TokenStatus;
  /** Decided by the caller from `now`, which it re-renders with every second. */
  state: DisplayState;
  now: number;
}

export function TokenStatusView({ status, state, now }: TokenStatusViewProps) {
  const hasToken = state === 'valid' || state === 'expired';
  return (
    <div className={`token-status state-${state}`}>
      <p className="status-line">
        <span className="status-word">
          <span className="status-mark" aria-hidden="true">
            {STATE_MARKS[state]}
          </span>
          {STATE_WORDS[state]}
        </span>
        {hasToken && status.expiresAt !== null && (
          <time className="countdown" dateTime={status.expiresAt} title={new Date(status.expiresAt).toLocaleString()}>
            {formatCountdown(Date.parse(status.expiresAt) - now)}
          </time>
        )}
        {hasToken && status.expirySource && (
          <small className="expiry-source">
            {status.expiresAt === null ? 'expiry unknown' : `expiry from ${status.expirySource}`}
          </small>
        )}
        {status.suspicious && (
          <span className="suspicious">
            <span aria-hidden="true">⚠ </span>
            {status.suspicious}
          </span>
        )}
      </p>
      <RenewalLine status={status} now={now} />
      {status.scopeNote && <p className="scope-note">{status.scopeNote}</p>}
      <TokenProblem state={state} status={status} />
    </div>
  );
}

/** What automatic renewal is doing: renewing, when next, retrying, stopped (why), paused. */
function RenewalLine({ status, now }: { status: TokenStatus; now: number }) {
  const words = renewalWords(status.renewal, now);
  if (!words) return null;
  return <p className={`renewal renewal-${status.renewal.state}`}>{words}</p>;
}

/** The last failure: the state itself when there is no token, a warning beside one that still works. */
function TokenProblem({ state, status }: { state: DisplayState; status: TokenStatus }) {
  if (state === 'error') {
    return <Refusal>{status.lastError?.message ?? 'The last token request failed.'}</Refusal>;
  }
  if (!status.lastError) return null;
  return (
    <p className="token-warning">
      <span aria-hidden="true">⚠ </span>
      {state === 'valid' ? 'Last refresh failed: ' : 'Last attempt failed: '}
      {status.lastError.message}
    </p>
  );
}
