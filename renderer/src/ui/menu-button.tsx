import { Fragment, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuEntry {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** The id of text saying why the entry is disabled. */
  describedBy?: string;
  /** Entries sharing a group are announced together under this name ("Copy as"). */
  group?: string;
}

interface MenuButtonProps {
  /** The button's accessible name, e.g. "Actions for Togai". */
  label: string;
  entries: readonly MenuEntry[];
  busy?: boolean;
  /** -1 keeps the button out of the Tab order (a list row that is not the active one). */
  tabIndex?: number;
}

interface Place {
  top: number;
  right: number;
}

const MENU_GAP = 4;
/** Tall enough for every entry; the menu opens above the button when there is less room below. */
const MENU_HEIGHT_GUESS = 320;

/**
 * An APG menu button: the menu opens on click, Enter, Space or ArrowDown with its first entry
 * focused; arrows, Home and End move; Escape closes it and puts focus back on the button; an
 * entry closes the menu, returns focus to the button, then acts (so focus never drops to the
 * page). The menu sits in the top layer's stead: portalled to the body, fixed beside the button,
 * so a scrolling list never clips it.
 */
export function MenuButton({ label, entries, busy = false, tabIndex }: MenuButtonProps) {
  const buttonId = useId();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const open = place !== null;

  function openMenu() {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const below = window.innerHeight - rect.bottom > MENU_HEIGHT_GUESS;
    setPlace({ top: below ? rect.bottom + MENU_GAP : Math.max(MENU_GAP, rect.top - MENU_HEIGHT_GUESS), right: window.innerWidth - rect.right });
  }

  function close(refocus: boolean) {
    setPlace(null);
    if (refocus) button.current?.focus();
  }

  useLayoutEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    const away = () => close(false);
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('resize', away);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('resize', away);
    };
  }, [open]);

  function items(): HTMLElement[] {
    return Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  }

  function onMenuKey(event: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number | undefined> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) all[next]?.focus();
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    // Handled here: the list around the button must not also move between rows.
    event.preventDefault();
    event.stopPropagation();
  }

  function choose(entry: MenuEntry) {
    if (entry.disabled) return;
    close(true);
    entry.onSelect();
  }

  const groups = groupEntries(entries);
  return (
    <>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className="button quiet menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        tabIndex={tabIndex}
        onClick={() => (open ? close(true) : openMenu())}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' || open) return;
          event.preventDefault();
          event.stopPropagation();
          openMenu();
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {place &&
        createPortal(
          <div ref={menu} id={menuId} role="menu" aria-labelledby={buttonId} className="menu" style={{ top: place.top, right: place.right }} onKeyDown={onMenuKey}>
            {groups.map(({ name, members }, index) => {
              const rendered = members.map((entry) => (
                <div
                  key={entry.label}
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item"
                  aria-disabled={entry.disabled || undefined}
                  aria-describedby={entry.disabled ? entry.describedBy : undefined}
                  onClick={() => choose(entry)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    event.stopPropagation();
                    choose(entry);
                  }}
                >
                  {entry.label}
                </div>
              ));
              return name ? (
                <Fragment key={name}>
                  {index > 0 && <div role="separator" className="menu-separator" />}
                  <div role="group" aria-label={name} className="menu-group">
                    <div className="menu-group-name" aria-hidden="true">
                      {name}
                    </div>
                    {rendered}
                  </div>
                </Fragment>
              ) : (
                <div key={`plain-${index}`} role="none">
                  {rendered}
                </div>
              );
            })}
          </div>,
          document.body,
        )}
    </>
  );
}

function groupEntries(entries: readonly MenuEntry[]): { name: string | undefined; members: MenuEntry[] }[] {
  const groups: { name: string | undefined; members: MenuEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last.name === entry.group) last.members.push(entry);
    else groups.push({ name: entry.group, members: [entry] });
  }
  return groups;
}
