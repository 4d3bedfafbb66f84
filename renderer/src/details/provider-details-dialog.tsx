import type { CredentialTest, ProviderDetails, RenewalEvent } from '../../../shared/ipc/details-view';
import { errorMessage } from '../keymint-client';
import { Dialog } from '../ui/dialog';
import { Refusal } from '../ui/refusal';
import { useNow } from '../use-now';
import { instantWords, relativeWords } from './claim-times';
import { ExchangeTable, statusWords } from './exchange-table';
import { JwtSection } from './jwt-section';
import { useTestCredentials, useTokenDetails } from './use-token-details';

interface ProviderDetailsDialogProps {
  providerId: string;
  onClose: () => void;
}

/**
 * What Keymint knows about a provider's token, for when it does not work as expected: the JWT
 * decoded, where the expiry came from, a masked preview, renewals and the last exchanges as
 * main recorded them (redacted there: the page never sees a token or a secret). Test
 * credentials runs one exchange; a failure leaves a valid token in place.
 */
export function ProviderDetailsDialog({ providerId, onClose }: ProviderDetailsDialogProps) {
  const details = useTokenDetails(providerId);
  const test = useTestCredentials(providerId);
  const now = useNow();
  const title = details.data ? `${details.data.name}: details` : 'Provider details';
  return (
    <Dialog title={title} className="details-dialog" onClose={onClose}>
      <div className="details-body">
        {details.isPending && <p className="details-note">Loading…</p>}
        {details.error && <Refusal>{errorMessage(details.error)}</Refusal>}
        {details.data && <DetailsSections details={details.data} now={now} />}
        <section className="details-section" aria-labelledby="details-test">
          <h3 id="details-test">Test credentials</h3>
          <p className="details-note">
            Runs one full token request with the stored credentials. A failure keeps the token you hold; a success stores the new token, as Generate does.
          </p>
          <div className="details-test-row">
            <button type="button" className="button" disabled={test.isPending} onClick={() => test.mutate()}>
              {test.isPending ? 'Testing…' : 'Test credentials'}
            </button>
            <p className="details-test-result" role="status" aria-labelledby="details-test">
              {test.data && <TestWords test={test.data} />}
            </p>
          </div>
          {test.error && <Refusal>{errorMessage(test.error)}</Refusal>}
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function DetailsSections({ details, now }: { details: ProviderDetails; now: number }) {
  const { token } = details;
  return (
    <>
      <section className="details-section" aria-labelledby="details-token">
        <h3 id="details-token">Token</h3>
        {token ? (
          <dl className="details-fields">
            <div>
              <dt>Preview</dt>
              <dd>
                <code aria-label="masked token preview">{token.preview}</code>
              </dd>
            </div>
            <div>
              <dt>Obtained</dt>
              <dd>
                <Instant at={token.obtainedAt} now={now} />
              </dd>
            </div>
            <div>
              <dt>Expires</dt>
              <dd>{token.expiresAt === null ? 'No expiry known' : <Instant at={token.expiresAt} now={now} />}</dd>
            </div>
            <div>
              <dt>Expiry from</dt>
              <dd>{token.expirySource}</dd>
            </div>
          </dl>
        ) : (
          <p className="details-note">No token held. Generate one, or use Test credentials below.</p>
        )}
      </section>
      {token?.jwt && <JwtSection jwt={token.jwt} now={now} />}
      {token && !token.jwt && <p className="details-note">The token is not a JWT: it has no claims to show.</p>}
      <section className="details-section" aria-labelledby="details-renewals">
        <h3 id="details-renewals">Renewal history</h3>
        {details.renewals.length === 0 ? (
          <p className="details-note">No token requested since the vault was unlocked.</p>
        ) : (
          <ol className="renewal-history">
            {details.renewals.map((event, index) => (
              <li key={`${event.at}-${index}`} className={event.outcome === 'failed' ? 'renewal-failed' : undefined}>
                <RenewalWords event={event} now={now} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="details-section" aria-labelledby="details-exchanges">
        <h3 id="details-exchanges">Last exchanges</h3>
        {details.exchanges.length === 0 ? (
          <p className="details-note">None since the vault was unlocked. Keymint keeps the last 20, redacted, in memory only.</p>
        ) : (
          <ExchangeTable exchanges={details.exchanges} now={now} label="Last exchanges" />
        )}
      </section>
    </>
  );
}

function Instant({ at, now }: { at: string; now: number }) {
  const ms = Date.parse(at);
  return (
    <>
      <time dateTime={at}>{instantWords(ms)}</time>
      <span className="details-relative"> · {relativeWords(ms, now)}</span>
    </>
  );
}

const TRIGGER_WORDS: Record<RenewalEvent['trigger'], string> = { manual: 'Manual', automatic: 'Automatic', test: 'Test' };

function RenewalWords({ event, now }: { event: RenewalEvent; now: number }) {
  const mark = event.outcome === 'renewed' ? '✓' : '✗';
  return (
    <>
      <span aria-hidden="true">{mark} </span>
      <Instant at={event.at} now={now} />
      {' — '}
      {TRIGGER_WORDS[event.trigger]}: {event.outcome === 'renewed' ? 'renewed' : `failed: ${event.detail ?? 'no reason given'}`}
    </>
  );
}

function TestWords({ test }: { test: CredentialTest }) {
  const measured = [test.status === null ? 'no reply' : `HTTP ${test.status}`, test.durationMs === null ? null : `${test.durationMs} ms`].filter(Boolean).join(' · ');
  if (test.ok) return <>✓ Test passed ({measured}): the new token is stored.</>;
  const kept = test.exchange ? statusWords(test.exchange) : measured;
  return (
    <>
      ✗ Test failed ({kept}{test.durationMs === null ? '' : ` · ${test.durationMs} ms`}): {test.error?.message ?? 'no reason given'} Nothing was replaced: a token you held is kept.
    </>
  );
}
