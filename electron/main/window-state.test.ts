import { describe, expect, it } from 'vitest';
import { boundsToRestore, DEFAULT_SIZE, MIN_SIZE, parseWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('where the window reopens', () => {
  it('where it was, on a display that is still there', () => {
    const saved = { x: 1600, y: 100, width: 1300, height: 900, maximized: false };
    expect(boundsToRestore(saved, [laptop, external])).toEqual({ x: 1600, y: 100, width: 1300, height: 900 });
  });

  it('at the default size, placed by the OS, when its display was unplugged', () => {
    const saved = { x: 1600, y: 100, width: 1300, height: 900, maximized: false };
    expect(boundsToRestore(saved, [laptop])).toEqual(DEFAULT_SIZE);
  });

  it('never with its title bar above a screen or only a sliver of it on one', () => {
    expect(boundsToRestore({ x: 100, y: -200, width: 1000, height: 700, maximized: false }, [laptop])).toEqual(DEFAULT_SIZE);
    expect(boundsToRestore({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop])).toEqual(DEFAULT_SIZE);
  });

  it('no larger than its display and no smaller than the minimum', () => {
    expect(boundsToRestore({ x: 0, y: 0, width: 5000, height: 100, maximized: false }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: MIN_SIZE.height });
  });

  it('at the default size on a first run', () => {
    expect(boundsToRestore(undefined, [laptop])).toEqual(DEFAULT_SIZE);
  });

  it('reads only a well-formed state', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 800, height: 600, maximized: false })).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: false });
    expect(parseWindowState({ x: 1, y: 2, width: 800.5, height: 600, maximized: false })).toBeUndefined();
    expect(parseWindowState(null)).toBeUndefined();
    expect(parseWindowState([1, 2])).toBeUndefined();
  });
});
