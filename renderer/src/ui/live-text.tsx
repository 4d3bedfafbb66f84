import { useLayoutEffect, useRef } from 'react';
import { clockReading, subscribe } from '../use-clock';

interface LiveTextProps {
  /** The text at a given time; null for none. */
  text: (now: number) => string | null;
  className?: string;
}

/**
 * Text that follows the shared clock (a countdown, "12 s ago") without React: on a tick only
 * the words that changed are written, so a board of ticking rows does no rendering at all each
 * second. React renders the span; the span's text is this component's alone.
 */
export function LiveText({ text, className }: LiveTextProps) {
  const span = useRef<HTMLSpanElement>(null);
  const latest = useRef(text);

  // After every render: the text may depend on new data (main sent a fresher token).
  useLayoutEffect(() => {
    latest.current = text;
    write(span.current, text(clockReading()));
  });

  useLayoutEffect(() => subscribe(() => write(span.current, latest.current(clockReading()))), []);

  return <span ref={span} className={className} />;
}

/**
 * Rewrites the span's one text node in place: replacing the node (what textContent does) makes
 * Chromium recalculate style and rebuild the layout tree for it on every tick; changing its data
 * only re-lays out the line.
 */
function write(element: HTMLElement | null, text: string | null): void {
  if (!element) return;
  const next = text ?? '';
  const node = element.firstChild;
  if (node instanceof Text && node === element.lastChild) {
    if (node.data !== next) node.data = next;
  } else if (element.textContent !== next) element.textContent = next;
}
