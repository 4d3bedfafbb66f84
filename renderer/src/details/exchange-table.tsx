import { Fragment, useState } from 'react';
import type { ExchangeView } from '../../../shared/ipc/details-view';
import { instantWords, relativeWords } from './claim-times';

interface ExchangeTableProps {
  exchanges: ExchangeView[];
  now: number;
  /** Names the table for assistive tech and for the expand buttons' ids. */
  label: string;
}

/** "HTTP 401 · http", "no reply · network". */
export function statusWords(exchange: Pick<ExchangeView, 'status' | 'failure'>): string {
  const status = exchange.status === null ? 'no reply' : `HTTP ${exchange.status}`;
  return exchange.failure === null ? status : `${status} · ${exchange.failure}`;
}

/** The exchanges, newest first; each row opens to its request and reply as main recorded them (redacted). */
export function ExchangeTable({ exchanges, now, label }: ExchangeTableProps) {
  // By the exchange, not its position: a newer exchange arriving moves the rows down.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <table className="exchange-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Request</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">
            <span className="visually-hidden">Request and reply</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {exchanges.map((exchange, index) => {
          const at = Date.parse(exchange.at);
          const key = exchangeKey(exchange);
          const expanded = open.has(key);
          const panelId = `${label.replace(/\W+/g, '-')}-exchange-${index}`;
          return (
            <Fragment key={key}>
              <tr className={exchange.failure === null ? undefined : 'exchange-failed'}>
                <td>
                  <time dateTime={exchange.at} title={instantWords(at)}>
                    {relativeWords(at, now)}
                  </time>
                </td>
                <td>{exchange.kind === 'refresh' ? 'Refresh' : 'Authenticate'}</td>
                <td>{statusWords(exchange)}</td>
                <td>{exchange.durationMs} ms</td>
                <td>
                  <button type="button" className="button quiet" aria-expanded={expanded} aria-controls={panelId} onClick={() => toggle(key)}>
                    {expanded ? 'Hide' : 'Show'}
                  </button>
                </td>
              </tr>
              {expanded && (
                <tr id={panelId} className="exchange-detail">
                  <td colSpan={5}>
                    <ExchangeDetail exchange={exchange} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** Exchanges start at distinct instants, and a refresh and its fallback differ in kind. */
const exchangeKey = (exchange: ExchangeView) => `${exchange.at}|${exchange.kind}|${exchange.durationMs}`;

function ExchangeDetail({ exchange }: { exchange: ExchangeView }) {
  const { request, response } = exchange;
  const requestText = [`${request.method} ${request.url}`, ...request.headers.map(([name, value]) => `${name}: ${value}`), ...(request.body === null ? [] : ['', request.body])].join('\n');
  return (
    <div className="exchange-detail-body">
      <h4>Request (redacted)</h4>
      <pre>{requestText}</pre>
      <h4>Reply (redacted)</h4>
      {response ? (
        <>
          <pre>{[`HTTP ${exchange.status ?? ''}${response.contentType ? `  ${response.contentType}` : ''}`, '', response.body].join('\n')}</pre>
          {response.omittedChars > 0 && <p className="details-note">{response.omittedChars.toLocaleString()} more characters not shown.</p>}
        </>
      ) : (
        <p className="details-note">No reply: {exchange.failure ?? 'the request did not complete'}.</p>
      )}
    </div>
  );
}
