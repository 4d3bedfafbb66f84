/** Apple keyboards use ⌘ where others use Ctrl, for the same shortcuts. */
const apple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The prefix shown before a shortcut's letter: "⌘" or "Ctrl+". */
export const SHORTCUT_KEY = apple ? '⌘' : 'Ctrl+';

/** Ctrl (or ⌘ on a Mac) held with `letter`, and nothing else that would make it another shortcut. */
export function isShortcut(event: KeyboardEvent, letter: string): boolean {
  const modifier = apple ? event.metaKey : event.ctrlKey;
  return modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === letter;
}

/** A modal dialog is open: page-wide shortcuts stand aside. */
export function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
