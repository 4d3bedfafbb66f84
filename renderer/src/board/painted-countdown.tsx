import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import { LiveText } from '../ui/live-text';
import type { ClockText } from '../ui/clock-text';
import type { CountdownPainter } from './countdown-painter';

/** The list's painter; null where there is none (no 2D canvas), and countdowns are plain text. */
export const CountdownPainterContext = createContext<CountdownPainter | null>(null);

interface CountdownTextProps {
  text: ClockText;
  className: string;
  dateTime: string;
  title?: string;
}

/** A ticking countdown in a `<time>`: painted by the list's painter, or live text without one. */
export function CountdownText(props: CountdownTextProps) {
  const painter = useContext(CountdownPainterContext);
  if (painter) return <PaintedCountdown painter={painter} {...props} />;
  const { text, className, dateTime, title } = props;
  return (
    <time className={className} dateTime={dateTime} title={title}>
      <LiveText text={text} />
    </time>
  );
}

/**
 * A `<canvas>` with no bitmap holds the countdown's place in the row and, as its fallback
 * content, the `<time>` that screen readers read; the painter draws the words over it.
 */
function PaintedCountdown({ painter, text, className, dateTime, title }: CountdownTextProps & { painter: CountdownPainter }) {
  const slot = useRef<HTMLCanvasElement>(null);
  const words = useRef<HTMLTimeElement>(null);
  const shown = useRef<ReturnType<CountdownPainter['add']> | null>(null);

  useLayoutEffect(() => {
    if (!slot.current || !words.current) return;
    const added = painter.add(slot.current, words.current, text);
    shown.current = added;
    return () => {
      added.remove();
      shown.current = null;
    };
    // Added once; the effect below passes on each render's reading.
  }, [painter]);

  // After every render: a fresher token, or the row moved or changed state (its colour).
  useLayoutEffect(() => shown.current?.update(text));

  return (
    // role none: the canvas is only a place; screen readers read its words as the row's text, as before.
    <canvas ref={slot} role="none" className={`countdown-slot ${className}`} width={0} height={0} title={title}>
      <time ref={words} dateTime={dateTime} title={title} />
    </canvas>
  );
}
