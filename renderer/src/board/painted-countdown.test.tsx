// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextOf, placeAt, recordCanvases } from '../testing/recording-canvas';
import { CountdownPainter } from './countdown-painter';
import { CountdownPainterContext, CountdownText } from './painted-countdown';

const EXPIRES = '2026-11-30T12:00:00.000Z';
const reading = (text: string) => () => text;

describe('CountdownText', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000, toFake: ['setInterval', 'clearInterval', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] }));
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('without a painter is live text in a <time>, as anywhere else', () => {
    const { container } = render(<CountdownText className="countdown" dateTime={EXPIRES} title="Expires soon" text={reading('0:00:05')} />);
    const time = container.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(EXPIRES);
    expect(time.textContent).toBe('0:00:05');
    expect(container.querySelector('canvas')).toBeNull();
  });

  it('with a painter holds its place with a bitmap-less canvas whose <time> carries the words, painted over it until it unmounts', () => {
    recordCanvases();
    const layer = document.createElement('div');
    document.body.append(layer);
    placeAt(layer, 0, 0);
    const painter = new CountdownPainter();
    const detach = painter.attach(layer);
    const countdown = (text: string) => (
      <CountdownPainterContext.Provider value={painter}>
        <CountdownText className="countdown state-valid" dateTime={EXPIRES} title="Expires soon" text={reading(text)} />
      </CountdownPainterContext.Provider>
    );

    const { container, rerender, unmount } = render(countdown('0:00:05'));
    const slot = container.querySelector('canvas')!;
    placeAt(slot, 10, 20, 16);
    // Only a place: no bitmap of its own, and role none, so a screen reader reads its words as text.
    expect([slot.width, slot.height, slot.getAttribute('role'), slot.className]).toEqual([0, 0, 'none', 'countdown-slot countdown state-valid']);
    expect(slot.querySelector('time')!.getAttribute('datetime')).toBe(EXPIRES);
    expect(slot.textContent).toBe('0:00:05');
    act(() => vi.advanceTimersToNextFrame());
    const canvas = layer.querySelector('canvas')!;
    expect(contextOf(canvas).shown.map((drawn) => drawn.text)).toEqual(['0:00:05']);

    // A render with a fresher token: the words at once, the picture at the next frame.
    rerender(countdown('0:59:59'));
    expect(slot.textContent).toBe('0:59:59');
    act(() => vi.advanceTimersToNextFrame());
    expect(contextOf(canvas).shown.map((drawn) => drawn.text)).toEqual(['0:59:59']);

    unmount();
    act(() => vi.advanceTimersToNextFrame());
    expect(layer.querySelector('canvas'), 'the column’s canvas goes with its last countdown').toBeNull();
    detach();
  });
});
