import { useId, type RefObject } from 'react';
import type { BoardChoices, BoardSort, StatusFilter } from './board-arrangement';
import { SHORTCUT_KEY } from '../ui/shortcut-key';

interface BoardToolbarProps {
  choices: BoardChoices;
  onChange: (choices: BoardChoices) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'valid', label: 'Valid' },
  { value: 'expiring', label: 'Expiring soon' },
  { value: 'failing', label: 'Failing' },
  { value: 'needs-key', label: 'Needing a key' },
  { value: 'none', label: 'No token' },
];

const SORTS: { value: BoardSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'expiry', label: 'Soonest expiry' },
  { value: 'status', label: 'Status, errors first' },
];

/** Labels beside their controls, not around them: a wrapped select's label would read its options too. */
export function BoardToolbar({ choices, onChange, searchRef }: BoardToolbarProps) {
  const id = useId();
  return (
    <div className="board-toolbar" role="search">
      <div className="toolbar-field toolbar-search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search providers
        </label>
        <input
          id={`${id}-search`}
          ref={searchRef}
          type="search"
          placeholder={`Search (${SHORTCUT_KEY}F)`}
          value={choices.query}
          onChange={(event) => onChange({ ...choices, query: event.target.value })}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor={`${id}-filter`}>Status</label>
        <select id={`${id}-filter`} value={choices.filter} onChange={(event) => onChange({ ...choices, filter: event.target.value as StatusFilter })}>
          {FILTERS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar-field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={choices.sort} onChange={(event) => onChange({ ...choices, sort: event.target.value as BoardSort })}>
          {SORTS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
