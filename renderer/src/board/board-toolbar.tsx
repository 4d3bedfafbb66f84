import type { RefObject } from 'react';
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

export function BoardToolbar({ choices, onChange, searchRef }: BoardToolbarProps) {
  return (
    <div className="board-toolbar" role="search">
      <label className="toolbar-field toolbar-search">
        <span className="visually-hidden">Search providers</span>
        <input
          ref={searchRef}
          type="search"
          placeholder={`Search (${SHORTCUT_KEY}F)`}
          value={choices.query}
          onChange={(event) => onChange({ ...choices, query: event.target.value })}
        />
      </label>
      <label className="toolbar-field">
        <span>Status</span>
        <select value={choices.filter} onChange={(event) => onChange({ ...choices, filter: event.target.value as StatusFilter })}>
          {FILTERS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Sort by</span>
        <select value={choices.sort} onChange={(event) => onChange({ ...choices, sort: event.target.value as BoardSort })}>
          {SORTS.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
