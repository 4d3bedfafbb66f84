import { useLayoutEffect, useRef } from 'react';
import { clockReading, subscribe } from '../use-clock';
import { writeInPlace, type ClockText } from './clock-text';

interface LiveTextProps {
  text: ClockText;
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
    writeInPlace(span.current, text(clockReading()));
  });

  useLayoutEffect(() => subscribe(() => writeInPlace(span.current, latest.current(clockReading()))), []);

  return <span ref={span} className={className} />;
}
