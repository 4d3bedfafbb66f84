import type { ProviderView } from '../../../shared/ipc/provider-view';
import { listWords } from '../../../shared/text/list-words';
import { Refusal } from '../ui/refusal';

interface RowNotesProps {
  provider: ProviderView;
  /** A failed Copy or Generate, in main's words, when the status does not already say it. */
  failure: string | null;
}

/** What a row needs to say beyond its state: why it fails, what it lacks, what looks odd. */
export function RowNotes({ provider, failure }: RowNotesProps) {
  const { status, missing, problem } = provider;
  const notes = [];
  if (problem) notes.push(<Refusal key="problem">{problem}</Refusal>);
  else if (status.state === 'error') notes.push(<Refusal key="error">{status.lastError?.message ?? 'The last token request failed.'}</Refusal>);
  else if (status.lastError) {
    notes.push(
      <p key="warning" className="row-warning">
        <span aria-hidden="true">⚠ </span>Last renewal failed: {status.lastError.message}
      </p>,
    );
  }
  if (status.renewal.state === 'stopped') {
    notes.push(
      <p key="stopped" className="row-warning">
        <span aria-hidden="true">⚠ </span>Renewal stopped: {status.renewal.reason ?? 'see the last error'}.
      </p>,
    );
  }
  if (missing.length > 0) {
    notes.push(
      <p key="missing" className="row-warning">
        Needs its {listWords(missing)} before it can mint tokens: choose <strong>Add its key</strong>.
      </p>,
    );
  }
  if (status.suspicious) notes.push(<p key="suspicious" className="row-warning">{status.suspicious}</p>);
  if (status.scopeNote) notes.push(<p key="scope" className="row-quiet">{status.scopeNote}</p>);
  if (failure) notes.push(<Refusal key="failure">{failure}</Refusal>);
  if (notes.length === 0) return null;
  return <div className="row-notes">{notes}</div>;
}
