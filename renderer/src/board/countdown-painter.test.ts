// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ASCENT, contextOf, DESCENT, placeAt, recordCanvases, RecordingContext } from '../testing/recording-canvas';
import type { ClockText } from '../ui/clock-text';
import { CountdownPainter } from './countdown-painter';

const NARROW_ONES_STYLE = 'font-size: 12px; font-family: Narrow Ones; color: rgb(1, 2, 3)';
const LAYER = { left: 100, top: 50 };
const SLOT_HEIGHT = 16;

let layer: HTMLElement;
let painter: CountdownPainter;
let detach: () => void;

function slotAt(left: number, top: number, style = 'font-weight: 600; font-size: 12px; font-family: Sans; color: rgb(1, 2, 3); font-variant-numeric: tabular-nums') {
  const slot = document.createElement('canvas');
  slot.className = 'countdown-slot';
  slot.setAttribute('style', style);
  const words = document.createElement('time');
  slot.append(words);
  document.body.append(slot);
  placeAt(slot, LAYER.left + left, LAYER.top + top, SLOT_HEIGHT);
  return { slot, words };
}

const countdownFrom = (endsAt: number): ClockText => (now) => {
  const left = Math.max(0, Math.ceil((endsAt - now) / 1000));
  return `0:00:${String(left).padStart(2, '0')}`;
};

function canvases(): HTMLCanvasElement[] {
  return Array.from(layer.querySelectorAll('canvas'));
}

function nextFrame(): void {
  vi.advanceTimersToNextFrame();
}

/** The browser's reports, sent when a test says: resizes, media queries, fonts. */
const resizes: (() => void)[] = [];
class ReportedResizes {
  constructor(private readonly report: () => void) {}
  observe() {
    resizes.push(this.report);
  }
  disconnect() {
    resizes.splice(resizes.indexOf(this.report), 1);
  }
}
const queries = new Map<string, EventTarget>();
function mediaQuery(query: string): MediaQueryList {
  let list = queries.get(query);
  if (!list) queries.set(query, (list = new EventTarget()));
  return list as MediaQueryList;
}
const fonts = new EventTarget();

describe('CountdownPainter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    recordCanvases();
    RecordingContext.widthScale = 1;
    vi.stubGlobal('ResizeObserver', ReportedResizes);
    vi.spyOn(window, 'matchMedia').mockImplementation(mediaQuery);
    Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
    Object.defineProperty(window, 'devicePixelRatio', { value: 1, configurable: true });
    layer = document.createElement('div');
    document.body.append(layer);
    placeAt(layer, LAYER.left, LAYER.top);
    painter = new CountdownPainter();
    detach = painter.attach(layer);
  });

  afterEach(() => {
    detach();
    document.body.replaceChildren();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    queries.clear();
    vi.useRealTimers();
  });

  it('writes the words into the slot at once and paints them over it, in its font and colour, on the baseline CSS gives its line', async () => {
    const { slot, words } = slotAt(24.5, 3.25);
    painter.add(slot, words, countdownFrom(1_005_000));
    expect(words.textContent).toBe('0:00:05');

    nextFrame();
    const [canvas] = canvases();
    expect(canvases()).toHaveLength(1);
    // On whole (device) pixels, so the bitmap is never resampled; the text keeps its fractional place in it.
    expect(canvas!.style.left).toBe('24px');
    expect(canvas!.style.top).toBe('3px');
    const baseline = 3.25 - 3 + (SLOT_HEIGHT - (ASCENT + DESCENT)) / 2 + ASCENT;
    expect(contextOf(canvas!).shown).toEqual([{ text: '0:00:05', x: 0.5, y: baseline, font: 'normal 600 12px Sans', color: 'rgb(1, 2, 3)' }]);
  });

  it('gives the slot the painted text’s width, so the words beside it move only when that width does', async () => {
    const { slot, words } = slotAt(0, 0);
    painter.add(slot, words, countdownFrom(1_012_000));
    nextFrame();
    // 0:00:12: five digits of 7 and two colons of 3.
    expect(slot.style.width).toBe('41px');
    vi.advanceTimersByTime(1000);
    expect(words.textContent).toBe('0:00:11');
    expect(slot.style.width).toBe('41px');
  });

  it('repaints on a tick only when the time changed some words, and paints what the words say', async () => {
    const fixed = slotAt(0, 0);
    painter.add(fixed.slot, fixed.words, () => 'expiry unknown');
    nextFrame();
    const context = contextOf(canvases()[0]!);
    const drawn = context.draws;
    vi.advanceTimersByTime(3000);
    expect(context.draws, 'words that stay the same are not painted again').toBe(drawn);

    const ticking = slotAt(0, 44);
    painter.add(ticking.slot, ticking.words, countdownFrom(Date.now() + 9000));
    nextFrame();
    const before = ticking.words.textContent;
    vi.advanceTimersByTime(1000);
    const after = ticking.words.textContent;
    expect(after).not.toBe(before);
    // What is painted is what the words say, the unchanged countdown included.
    expect(context.shown.map((shown) => shown.text)).toEqual(['expiry unknown', after]);
  });

  it('puts digits in cells of one width when the slot asks for tabular numbers and the font’s digits differ', async () => {
    const { slot, words } = slotAt(0, 0, `${NARROW_ONES_STYLE}; font-variant-numeric: tabular-nums`);
    painter.add(slot, words, () => '0:11');
    nextFrame();
    const shown = contextOf(canvases()[0]!).shown;
    // The narrow 1s sit centred in a 7-pixel cell: 0 at 0, the colon at 7, the 1s at 10+1 and 17+1.
    expect(shown.map(({ text, x }) => [text, x])).toEqual([
      ['0', 0],
      [':', 7],
      ['1', 11],
      ['1', 18],
    ]);
    expect(slot.style.width).toBe('24px');
  });

  it('paints proportional digits as the font sets them when the slot does not ask for tabular numbers', async () => {
    const { slot, words } = slotAt(0, 0, NARROW_ONES_STYLE);
    painter.add(slot, words, () => '0:11');
    nextFrame();
    expect(contextOf(canvases()[0]!).shown.map(({ text }) => text)).toEqual(['0:11']);
    expect(slot.style.width).toBe('20px');
  });

  it('keeps one canvas per column of slots, and drops a column’s canvas once it has no countdowns', async () => {
    const left = slotAt(24, 0);
    const right = slotAt(664, 0);
    const below = slotAt(24, 44);
    painter.add(left.slot, left.words, () => '0:00:01');
    const removed = painter.add(right.slot, right.words, () => '0:00:02');
    painter.add(below.slot, below.words, () => '0:00:03');
    nextFrame();
    expect(canvases().map((canvas) => [canvas.style.left, canvas.style.top, canvas.style.height])).toEqual([
      ['24px', '0px', `${44 + SLOT_HEIGHT}px`],
      ['664px', '0px', `${SLOT_HEIGHT}px`],
    ]);

    removed.remove();
    nextFrame();
    expect(canvases()).toHaveLength(1);
    expect(contextOf(canvases()[0]!).shown.map((shown) => shown.text)).toEqual(['0:00:01', '0:00:03']);
  });

  it('draws at the device pixel ratio: a bitmap that many times the CSS size, drawn through that scale', async () => {
    Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
    const { slot, words } = slotAt(0, 0);
    painter.add(slot, words, () => '0:00:07');
    nextFrame();
    const canvas = canvases()[0]!;
    expect([canvas.width, canvas.height]).toEqual([82, 32]);
    expect([canvas.style.width, canvas.style.height]).toEqual(['41px', '16px']);
    expect(contextOf(canvas).transform).toEqual([2, 0, 0, 2, 0, 0]);
  });

  it('paints nothing for a slot that is not laid out, and nothing for empty words', async () => {
    const hidden = slotAt(0, 0);
    hidden.slot.getBoundingClientRect = () => ({ left: 0, top: 0, width: 0, height: 0 }) as DOMRect;
    const empty = slotAt(0, 44);
    const shown = slotAt(0, 88);
    painter.add(hidden.slot, hidden.words, () => '0:00:01');
    painter.add(empty.slot, empty.words, () => null);
    painter.add(shown.slot, shown.words, () => '0:00:03');
    nextFrame();
    expect(empty.words.textContent).toBe('');
    expect(contextOf(canvases()[0]!).shown.map((drawn) => drawn.text)).toEqual(['0:00:03']);
  });

  it('takes a new reading on a render at once, and repaints a slot whose render changed its class in its new look', () => {
    const { slot, words } = slotAt(0, 0);
    const shown = painter.add(slot, words, () => '0:00:01');
    nextFrame();
    slot.className = 'countdown-slot state-expiring';
    slot.style.color = 'rgb(200, 100, 0)';
    shown.update(() => '0:10:00');
    expect(words.textContent).toBe('0:10:00');
    nextFrame();
    expect(contextOf(canvases()[0]!).shown).toEqual([expect.objectContaining({ text: '0:10:00', color: 'rgb(200, 100, 0)' })]);
  });

  it('repaints in the new colours when the theme changes or forced colours come on, though no row renders', async () => {
    const { slot, words } = slotAt(0, 0);
    painter.add(slot, words, () => '2 d 4 h');
    nextFrame();
    slot.style.color = 'rgb(9, 9, 9)';
    document.documentElement.dataset.theme = 'dark';
    // The observer reports after this task; the painter paints at the next frame.
    await vi.advanceTimersByTimeAsync(0);
    nextFrame();
    expect(contextOf(canvases()[0]!).shown).toEqual([expect.objectContaining({ text: '2 d 4 h', color: 'rgb(9, 9, 9)' })]);

    slot.style.color = 'rgb(255, 255, 0)';
    mediaQuery('(forced-colors: active)').dispatchEvent(new Event('change'));
    nextFrame();
    expect(contextOf(canvases()[0]!).shown).toEqual([expect.objectContaining({ color: 'rgb(255, 255, 0)' })]);
  });

  it('repaints at once, in the same frame, when the list is resized and its slots move', () => {
    const { slot, words } = slotAt(0, 0);
    painter.add(slot, words, () => '0:00:09');
    nextFrame();
    placeAt(slot, LAYER.left + 30, LAYER.top + 44, SLOT_HEIGHT);
    resizes.forEach((report) => report());
    const [canvas] = canvases();
    expect([canvas!.style.left, canvas!.style.top]).toEqual(['30px', '44px']);
  });

  it('draws anew at a new device pixel ratio (another screen, a zoom), and watches for the next one', () => {
    const { slot, words } = slotAt(0, 0);
    painter.add(slot, words, () => '0:00:07');
    nextFrame();
    expect(canvases()[0]!.width).toBe(41);
    Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
    mediaQuery('(resolution: 1dppx)').dispatchEvent(new Event('change'));
    nextFrame();
    expect(canvases()[0]!.width).toBe(82);
    Object.defineProperty(window, 'devicePixelRatio', { value: 3, configurable: true });
    mediaQuery('(resolution: 2dppx)').dispatchEvent(new Event('change'));
    nextFrame();
    expect(canvases()[0]!.width).toBe(123);
  });

  it('lays the canvas on whole device pixels at a fractional ratio, its CSS box exactly its bitmap', () => {
    Object.defineProperty(window, 'devicePixelRatio', { value: 1.25, configurable: true });
    const { slot, words } = slotAt(24.5, 3.25);
    painter.add(slot, words, () => '0:00:07');
    nextFrame();
    const canvas = canvases()[0]!;
    const left = LAYER.left + parseFloat(canvas.style.left);
    const top = LAYER.top + parseFloat(canvas.style.top);
    expect([left * 1.25, top * 1.25].map((device) => Math.abs(device - Math.round(device)) < 1e-9)).toEqual([true, true]);
    expect(parseFloat(canvas.style.width) * 1.25).toBeCloseTo(canvas.width, 9);
    expect(parseFloat(canvas.style.height) * 1.25).toBeCloseTo(canvas.height, 9);
    // The text where its slot is, whatever the canvas's offset.
    const drawn = contextOf(canvas).shown[0]!;
    expect(LAYER.left + parseFloat(canvas.style.left) + drawn.x).toBeCloseTo(LAYER.left + 24.5, 9);
  });

  it('measures fonts again once one has loaded', () => {
    const { slot, words } = slotAt(0, 0);
    const shown = painter.add(slot, words, () => '0:00:07');
    nextFrame();
    expect(slot.style.width).toBe('41px');
    RecordingContext.widthScale = 2;
    shown.update(() => '0:00:07');
    nextFrame();
    expect(slot.style.width, 'a font is measured once').toBe('41px');
    fonts.dispatchEvent(new Event('loadingdone'));
    nextFrame();
    expect(slot.style.width).toBe('82px');
  });

  it('stops when detached: its canvases leave the layer and the clock no longer paints', async () => {
    const { slot, words } = slotAt(0, 0);
    painter.add(slot, words, countdownFrom(1_030_000));
    nextFrame();
    const context = contextOf(canvases()[0]!);
    detach();
    detach = () => undefined;
    expect(canvases()).toHaveLength(0);
    const drawn = context.draws;
    vi.advanceTimersByTime(3000);
    expect(context.draws).toBe(drawn);
    expect(words.textContent).toBe('0:00:30');
  });
});
