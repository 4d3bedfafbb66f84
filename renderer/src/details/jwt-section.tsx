import type { HeldTokenView } from '../../../shared/ipc/details-view';
import { CLAIM_NAMES, claimInstant, clockSkewWarning, instantWords, relativeWords } from './claim-times';

interface JwtSectionProps {
  jwt: NonNullable<HeldTokenView['jwt']>;
  now: number;
}

/** The JWT's claims (times in words, absolute and relative) and header, decoded in main; the signature is never shown. */
export function JwtSection({ jwt, now }: JwtSectionProps) {
  const skew = clockSkewWarning(jwt.claims, now);
  return (
    <section className="details-section" aria-labelledby="details-jwt">
      <h3 id="details-jwt">JWT claims</h3>
      {skew && (
        <p className="details-warning" role="note">
          <span aria-hidden="true">⚠ </span>
          <strong>Clock skew: </strong>
          {skew}
        </p>
      )}
      <dl className="details-fields">
        {Object.entries(jwt.claims).map(([name, value]) => (
          <ClaimRow key={name} name={name} value={value} now={now} />
        ))}
      </dl>
      <h4>Header</h4>
      <dl className="details-fields">
        {Object.entries(jwt.header).map(([name, value]) => (
          <div key={name}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ClaimRow({ name, value, now }: { name: string; value: string; now: number }) {
  const at = claimInstant(value);
  const label = CLAIM_NAMES[name];
  return (
    <div>
      <dt>
        {label ?? <code>{name}</code>}
        {label && <span className="details-claim-name"> ({name})</span>}
      </dt>
      <dd>
        {at === undefined ? (
          <span className="details-value">{value}</span>
        ) : (
          <>
            <time dateTime={new Date(at).toISOString()}>{instantWords(at)}</time>
            <span className="details-relative"> · {relativeWords(at, now)}</span>
          </>
        )}
      </dd>
    </div>
  );
}
