/** Where the window was and whether it was maximized, as remembered between runs. */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1100, height: 760 };
export const MIN_SIZE = { width: 720, height: 480 };
/** At least this much of the title bar must land on a screen, or the window could not be grabbed. */
const VISIBLE_EDGE = 80;

const isFiniteInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e6;

/** A remembered state read from a file anyone could have edited: anything odd is no state. */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteInt) || typeof maximized !== 'boolean') return undefined;
  return { x: x as number, y: y as number, width: width as number, height: height as number, maximized };
}

/**
 * The bounds to open with: the remembered ones when their top edge still lands on one of the
 * displays (a monitor unplugged since would leave the window off-screen), no smaller than the
 * minimum and no larger than that display; otherwise the default size, placed by the OS.
 */
export function boundsToRestore(saved: WindowState | undefined, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const area = workAreas.find((a) => overlap(saved.x, saved.width, a.x, a.width) >= VISIBLE_EDGE && saved.y >= a.y && saved.y < a.y + a.height - VISIBLE_EDGE / 2);
  if (!area) return { ...DEFAULT_SIZE };
  return {
    x: saved.x,
    y: saved.y,
    width: clamp(saved.width, MIN_SIZE.width, area.width),
    height: clamp(saved.height, MIN_SIZE.height, area.height),
  };
}

const overlap = (start: number, length: number, otherStart: number, otherLength: number) =>
  Math.min(start + length, otherStart + otherLength) - Math.max(start, otherStart);

const clamp = (value: number, min: number, max: number) => Math.max(Math.min(value, max), Math.min(min, max));
