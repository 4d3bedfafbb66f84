import { memo, useId, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { findPreset, isPresetId } from '../../../shared/recipes/presets';
import { credentialLabel, type CredentialFormat } from '../../../shared/tokens/credential-format';
import { useGenerateToken } from '../queries/use-token-mutations';
import { useVaultLocked } from '../queries/use-vault-status';
import { MenuButton, type MenuEntry } from '../ui/menu-button';
import { LOCKED_HINT_ID, lockedControlProps } from '../vault/locked-hint';
import type { BoardDialogKind } from './board-dialogs';
import { RowNotes } from './row-notes';
import { TokenLifeCell } from './token-life-cell';
import { useRowCopy } from './use-row-copy';

export interface RowPlace {
  index: number;
  count: number;
  top: number;
  lane: number;
  lanes: number;
}

interface ProviderRowProps extends RowPlace {
  provider: ProviderView;
  /** The row reached by Tab (roving tabindex); arrows move it. */
  active: boolean;
  measure: (element: Element | null) => void;
  onDialog: (kind: BoardDialogKind, id: string) => void;
}

const COPY_AS: CredentialFormat[] = ['header', 'raw', 'curl', 'export'];

/**
 * One provider in one compact row. Memoised: its props stay the same objects until main sends
 * this provider anew or the list moves it, so a tick or another row's change skips it.
 */
export const ProviderRow = memo(function ProviderRow({ provider, index, count, top, lane, lanes, active, measure, onDialog }: ProviderRowProps) {
  const headingId = useId();
  const notesId = useId();
  const locked = useVaultLocked();
  const generate = useGenerateToken();
  const rowCopy = useRowCopy(provider);
  const needsKey = lockedControlProps(locked);
  const runnable = provider.problem === null;
  const editable = isPresetId(provider.presetId);
  const addKey = provider.missing.length > 0 && provider.status.state !== 'valid';
  const primaryLabel = addKey ? 'Add its key' : `Copy ${credentialLabel(provider.header, 'header')}`;
  const primaryDisabled = locked || !runnable || (addKey && !editable);

  function primary() {
    if (primaryDisabled || rowCopy.pending) return;
    if (addKey) onDialog('edit', provider.id);
    else {
      generate.reset();
      rowCopy.copy();
    }
  }

  function onRowKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
    event.preventDefault();
    primary();
  }

  const whyNot = locked ? LOCKED_HINT_ID : undefined;
  const entries: MenuEntry[] = [
    { label: 'Generate', disabled: locked || !runnable, describedBy: whyNot, onSelect: () => generate.mutate(provider.id) },
    { label: 'Details', disabled: locked || !runnable, describedBy: whyNot, onSelect: () => onDialog('details', provider.id) },
    { label: 'Edit', disabled: locked || !editable, describedBy: whyNot, onSelect: () => onDialog('edit', provider.id) },
    { label: 'Remove', onSelect: () => onDialog('remove', provider.id) },
    ...COPY_AS.map((format) => ({
      label: format === 'header' ? `${provider.header.name} header` : capitalise(credentialLabel(provider.header, format)),
      group: 'Copy as',
      disabled: locked || !runnable,
      describedBy: whyNot,
      onSelect: () => rowCopy.copy(format),
    })),
  ];

  // A failed Generate usually lands in the status too; say it here only when it did not.
  const generateFailure = generate.error && generate.error.message !== provider.status.lastError?.message ? generate.error.message : null;
  return (
    <div
      role="listitem"
      aria-labelledby={headingId}
      aria-describedby={notesId}
      aria-posinset={index + 1}
      aria-setsize={count}
      tabIndex={active ? 0 : -1}
      className="provider-row"
      data-index={index}
      data-row-id={provider.id}
      ref={measure}
      style={{ top, left: `${(lane * 100) / lanes}%`, width: `${100 / lanes}%` }}
      onKeyDown={onRowKey}
    >
      <TokenLifeCell provider={provider} busy={generate.isPending} />
      <div className="row-name">
        <h3 id={headingId} className="provider-name">
          {provider.name}
        </h3>
        <p className="row-where">
          <span>{findPreset(provider.presetId)?.label ?? provider.presetId}</span>
          <span aria-hidden="true"> · </span>
          <span className="row-url" title={provider.baseUrl}>
            {provider.baseUrl}
          </span>
          {provider.customHost && (
            <span className="custom-host" title="Not a server this preset's documentation names: its keys are sent here.">
              custom host {provider.customHost}
            </span>
          )}
        </p>
      </div>
      <div className="row-primary">
        <button
          type="button"
          className={addKey ? 'button primary row-copy' : 'button row-copy'}
          // aria-disabled, not disabled, while copying: a disabled button drops focus to the page.
          aria-disabled={rowCopy.pending || undefined}
          // Only the active row's controls are in the Tab order: the list is one Tab stop.
          tabIndex={active ? 0 : -1}
          disabled={primaryDisabled}
          onClick={primary}
          {...needsKey}
        >
          {primaryLabel}
        </button>
        <span className="row-feedback">{rowCopy.feedback}</span>
      </div>
      <MenuButton label={`Actions for ${provider.name}`} entries={entries} busy={generate.isPending} tabIndex={active ? 0 : -1} />
      <div id={notesId} className="row-notes-slot">
        <RowNotes provider={provider} failure={rowCopy.failure ?? generateFailure} />
      </div>
    </div>
  );
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
