import type { Summary } from './board-arrangement';

interface BoardSummaryProps {
  summary: Summary;
  total: number;
  locked: boolean;
}

/** "12 providers: 9 valid · 1 expiring · 1 failing · 1 needing a key", and why nothing renews while locked. */
export function BoardSummary({ summary, total, locked }: BoardSummaryProps) {
  return (
    <div className="board-summary">
      <p>
        <span className="summary-total">
          {total} {total === 1 ? 'provider' : 'providers'}:
        </span>{' '}
        <span className="summary-valid">{summary.valid} valid</span>
        <span aria-hidden="true"> · </span>
        <span className="summary-expiring">{summary.expiring} expiring</span>
        <span aria-hidden="true"> · </span>
        <span className="summary-failing">{summary.failing} failing</span>
        <span aria-hidden="true"> · </span>
        <span className="summary-needs-key">{summary['needs-key']} needing a key</span>
      </p>
      {locked && <p className="summary-locked">Locked: automatic renewal waits until you unlock.</p>}
    </div>
  );
}
