/** A text that follows the clock: what it reads at a given time, or null for none. */
export type ClockText = (now: number) => string | null;

/**
 * Rewrites the element's one text node in place: replacing the node (what textContent does)
 * makes Chromium recalculate style and rebuild the layout tree for it on every tick; changing
 * its data only re-lays out the line.
 */
export function writeInPlace(element: HTMLElement | null, text: string | null): void {
  if (!element) return;
  const next = text ?? '';
  const node = element.firstChild;
  if (node instanceof Text && node === element.lastChild) {
    if (node.data !== next) node.data = next;
  } else if (element.textContent !== next) element.textContent = next;
}
