import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { CredentialFormat } from '../../../shared/tokens/credential-format';
import { displayState, STATE_WORDS } from '../../../shared/tokens/token-status';
import { useProviders } from '../queries/use-providers';
import { useCopyToClipboard } from '../queries/use-token-mutations';
import { useAnnounce } from '../ui/announcer';
import { Dialog } from '../ui/dialog';
import { copiedWords, formatChoices } from './copy-formats';
import { hostOf, matchProviders, searchable } from './match-providers';

/** Enough to pick from; more words narrow it. Keeps a vault of thousands cheap to type into. */
const SHOWN = 50;

interface Option {
  key: string;
  label: string;
  detail?: string;
  choose: () => void;
}

function statusWords(view: ProviderView): string {
  if (view.problem) return 'Cannot run';
  if (view.missing.length > 0) return 'Needs its key';
  if (view.status.renewal.state === 'off' && displayState(view.status, Date.now()) === 'valid') return 'Valid · renewal off';
  return STATE_WORDS[displayState(view.status, Date.now())];
}

/**
 * Quick copy: type a few letters, Enter copies the best match's header; Alt+Enter lists the
 * formats (header, raw, curl, export) for it, and Enter copies the one chosen. A combobox over a
 * listbox (aria-activedescendant), so focus stays in the text box while the arrows move.
 * Escape closes (the native dialog's cancel). The copy happens in main; feedback is announced.
 */
export function QuickCopyPalette({ onClose }: { onClose: () => void }) {
  const providers = useProviders().data;
  const items = useMemo(() => (providers ?? []).map(searchable), [providers]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [choosing, setChoosing] = useState<ProviderView | null>(null);
  const copy = useCopyToClipboard();
  const announce = useAnnounce();
  const listId = useId();
  const hintId = useId();
  const matches = useMemo(() => matchProviders(items, query), [items, query]);

  const copyAs = (view: ProviderView, format: CredentialFormat) =>
    copy.mutate(
      { id: view.id, format },
      {
        onSuccess: (copied) => {
          announce(copiedWords(copied, format, view.name));
          onClose();
        },
      },
    );

  const options: Option[] = choosing
    ? formatChoices(choosing).map(({ format, label }) => ({ key: format, label, choose: () => copyAs(choosing, format) }))
    : matches.slice(0, SHOWN).map(({ view }) => ({
        key: view.id,
        label: view.name,
        detail: `${statusWords(view)} · ${view.presetId} · ${hostOf(view.baseUrl)}`,
        choose: () => copyAs(view, 'header'),
      }));
  const current = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (index: number) => `${listId}-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(Math.max(current + step, 0), Math.max(options.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (copy.isPending || options.length === 0) return;
      const chosen = matches[current]?.view;
      if (!choosing && event.altKey && chosen) {
        setChoosing(chosen);
        setActive(0);
        return;
      }
      options[current]?.choose();
    }
  };

  const hint = choosing
    ? `Choose how to copy ${choosing.name}'s token: arrows move, Enter copies, Escape closes.`
    : 'Enter copies the header · Alt+Enter chooses the format · Escape closes';
  const empty = providers && options.length === 0 ? (items.length === 0 ? 'No providers yet.' : 'No provider matches.') : null;

  return (
    <Dialog title="Quick copy" className="palette-dialog" onClose={onClose}>
      <div className="palette">
        <input
          autoFocus
          className="palette-input"
          role="combobox"
          aria-label={choosing ? 'Format' : 'Find a provider'}
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
          aria-describedby={hintId}
          placeholder="Provider name, preset or host"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setChoosing(null);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="palette-hint">
          {hint}
        </p>
        <ul id={listId} role="listbox" aria-label={choosing ? 'Formats' : 'Providers'} className="palette-list">
          {options.map((option, index) => (
            <li
              key={option.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'palette-option palette-option-active' : 'palette-option'}
              // Keeps focus in the text box: the option is chosen on click.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== current && setActive(index)}
              onClick={option.choose}
            >
              <span className="palette-option-label">{option.label}</span>
              {option.detail && <span className="palette-option-detail">{option.detail}</span>}
            </li>
          ))}
        </ul>
        {empty && <p className="palette-empty">{empty}</p>}
        {matches.length > SHOWN && !choosing && <p className="palette-more">{matches.length - SHOWN} more: type more letters to narrow.</p>}
        {copy.error && (
          <p role="alert" className="palette-error">
            {copy.error.message}
          </p>
        )}
      </div>
    </Dialog>
  );
}
