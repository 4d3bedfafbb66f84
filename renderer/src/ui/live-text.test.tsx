// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveText } from './live-text';

const secondsLeft = (until: number) => (now: number) => (now >= until ? null : `${Math.ceil((until - now) / 1000)} s`);

describe('LiveText', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => {
    // Unmounted first: the last subscriber gone stops the shared clock before the real timers return.
    cleanup();
    vi.useRealTimers();
  });

  it('follows the clock every second, rewriting its one text node in place, and clears when the text is null', () => {
    const { container } = render(<LiveText className="countdown" text={secondsLeft(1_003_000)} />);
    const span = container.querySelector('.countdown')!;
    expect(span.textContent).toBe('3 s');
    const node = span.firstChild;

    act(() => vi.advanceTimersByTime(1000));
    expect(span.textContent).toBe('2 s');
    // The same node with new data: a new node each second costs the browser a style and layout-tree pass.
    expect(span.firstChild).toBe(node);
    expect(span.childNodes).toHaveLength(1);

    act(() => vi.advanceTimersByTime(2000));
    expect(span.textContent).toBe('');
  });

  it('writes the new text at once when it renders with new data, not at the next tick', () => {
    const { container, rerender } = render(<LiveText className="countdown" text={secondsLeft(1_003_000)} />);
    rerender(<LiveText className="countdown" text={secondsLeft(1_060_000)} />);
    expect(container.querySelector('.countdown')!.textContent).toBe('60 s');
  });
});
