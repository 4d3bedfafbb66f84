import { clockReading, subscribe } from '../use-clock';
import { fontMetrics, isDigit, type FontMetrics } from './countdown-font';

/** The text a countdown shows at a given time; null for none. */
export type CountdownReading = (now: number) => string | null;

/** One countdown: the box in its row that it is painted over, and the element holding its words. */
interface Countdown {
  /** A `<canvas>` with no bitmap of its own: it only takes the text's place in the row's layout. */
  slot: HTMLElement;
  /** The slot's fallback content: what screen readers read and tests find, never laid out. */
  words: HTMLElement;
  read: CountdownReading;
  shown: string;
  /** The width given to the slot, so the painted text has exactly its room. */
  width: number;
}

interface Look {
  font: string;
  color: string;
  tabular: boolean;
  metrics: FontMetrics;
}

/** Where a countdown is painted, relative to the layer. */
interface Placed {
  countdown: Countdown;
  look: Look;
  x: number;
  y: number;
  height: number;
}

/**
 * Paints the board's ticking countdowns on one canvas per column of rows, instead of in the DOM.
 *
 * Each tick used to rewrite a text in every visible row, and Chromium then laid out and painted
 * each of those rows again: about 5 ms of main-thread work a second with 42 rows, where the board
 * allows 4. Here a tick rewrites the words in each slot's fallback content (exposed to assistive
 * technology, never laid out or painted) and draws the same words on a canvas that floats over
 * the rows: one canvas to repaint per column, nothing to lay out. The text shown is always the
 * text the DOM holds, in the slot's own computed font and colour.
 */
export class CountdownPainter {
  private readonly countdowns = new Set<Countdown>();
  private readonly canvases = new Map<number, HTMLCanvasElement>();
  private layer: HTMLElement | null = null;
  private stopTicking: (() => void) | null = null;
  private frame: number | null = null;
  /** Each kind of slot's font and colour, by class names: read again whenever anything may have restyled it. */
  private readonly looks = new Map<string, Look>();

  /** Whether this page can paint: a canvas with a 2D context (not in a DOM without one, as in unit tests). */
  static supported(document: Document): boolean {
    return document.createElement('canvas').getContext('2d') !== null;
  }

  /**
   * Paints into `layer`, an empty element laid over the rows (positioned, covering them, above
   * them, letting pointer events through). Returns the function that stops painting.
   */
  attach(layer: HTMLElement): () => void {
    this.layer = layer;
    const invalidate = () => this.invalidate();
    // What moves or restyles slots without a render of their rows: a resize, a font that
    // arrives, the theme (data-theme on <html>).
    const resized = new ResizeObserver(invalidate);
    resized.observe(layer);
    const themed = new MutationObserver(invalidate);
    themed.observe(layer.ownerDocument.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    layer.ownerDocument.fonts?.addEventListener('loadingdone', invalidate);
    this.startTicking();
    this.invalidate();
    return () => {
      resized.disconnect();
      themed.disconnect();
      layer.ownerDocument.fonts?.removeEventListener('loadingdone', invalidate);
      this.stopTicking?.();
      this.stopTicking = null;
      if (this.frame !== null) cancelAnimationFrame(this.frame);
      this.frame = null;
      for (const canvas of this.canvases.values()) canvas.remove();
      this.canvases.clear();
      this.layer = null;
    };
  }

  /**
   * Shows `read` over `slot`, its words written into `words` at once (so the DOM is never behind
   * the picture). Returns how to give it a new reading (after a render: main may have sent a
   * fresher token) and how to take it away.
   */
  add(slot: HTMLElement, words: HTMLElement, read: CountdownReading): { update: (read: CountdownReading) => void; remove: () => void } {
    const countdown: Countdown = { slot, words, read, shown: '', width: -1 };
    this.countdowns.add(countdown);
    this.refresh(countdown, clockReading());
    this.startTicking();
    this.invalidate();
    return {
      update: (next) => {
        countdown.read = next;
        this.refresh(countdown, clockReading());
        // Also when the words are the same: the row rendered, so the slot may have moved or restyled.
        this.invalidate();
      },
      remove: () => {
        this.countdowns.delete(countdown);
        if (this.countdowns.size === 0) {
          this.stopTicking?.();
          this.stopTicking = null;
        }
        this.invalidate();
      },
    };
  }

  /** Paints again before the next frame: once however many rows asked. */
  invalidate(): void {
    this.looks.clear();
    if (this.frame !== null || !this.layer) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.paint();
    });
  }

  private startTicking(): void {
    if (this.stopTicking || !this.layer || this.countdowns.size === 0) return;
    this.stopTicking = subscribe(() => this.tick());
  }

  /** A tick: a repaint only if the time changed some words, and the words written after it. */
  private tick(): void {
    const now = clockReading();
    const changed: Countdown[] = [];
    for (const countdown of this.countdowns) {
      const next = countdown.read(now) ?? '';
      if (next === countdown.shown) continue;
      countdown.shown = next;
      changed.push(countdown);
    }
    if (changed.length === 0) return;
    this.paint();
    // After painting, which reads styles and positions: a write before would make it wait for them.
    for (const countdown of changed) writeWords(countdown.words, countdown.shown);
  }

  private refresh(countdown: Countdown, now: number): void {
    const next = countdown.read(now) ?? '';
    if (next === countdown.shown) return;
    countdown.shown = next;
    writeWords(countdown.words, next);
  }

  private paint(): void {
    const layer = this.layer;
    if (!layer) return;
    const measure = this.measuringContext();
    if (!measure) return;
    // First every write (slot widths), then every read (positions): one layout at most.
    const sized: { countdown: Countdown; look: Look }[] = [];
    for (const countdown of this.countdowns) {
      if (countdown.shown === '') continue;
      const look = lookOf(countdown.slot, this.looks, measure);
      const width = Math.ceil(look.metrics.widthOfText(countdown.shown, look.tabular));
      if (width !== countdown.width) {
        countdown.slot.style.width = `${width}px`;
        countdown.width = width;
      }
      sized.push({ countdown, look });
    }
    const origin = layer.getBoundingClientRect();
    const columns = new Map<number, Placed[]>();
    for (const { countdown, look } of sized) {
      const box = countdown.slot.getBoundingClientRect();
      // Not laid out (a hidden row): nothing to paint.
      if (box.width === 0 && box.height === 0) continue;
      const x = box.left - origin.left;
      const key = Math.floor(x);
      let column = columns.get(key);
      if (!column) columns.set(key, (column = []));
      column.push({ countdown, look, x, y: box.top - origin.top, height: box.height });
    }
    for (const [key, canvas] of this.canvases) {
      if (columns.has(key)) continue;
      canvas.remove();
      this.canvases.delete(key);
    }
    for (const [key, placed] of columns) this.paintColumn(layer, key, placed);
  }

  private paintColumn(layer: HTMLElement, key: number, placed: Placed[]): void {
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const { countdown, x, y, height } of placed) {
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x + countdown.width);
      bottom = Math.max(bottom, y + height);
    }
    // Whole CSS pixels for the canvas, so its bitmap is never resampled (blurred) into place.
    left = Math.floor(left);
    top = Math.floor(top);
    const width = Math.ceil(right) - left;
    const height = Math.ceil(bottom) - top;
    const canvas = this.canvasFor(layer, key);
    const ratio = layer.ownerDocument.defaultView?.devicePixelRatio || 1;
    place(canvas, left, top, width, height, ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    // Setting a font or a colour parses it: only when it changes (a resized bitmap resets both).
    let font = '';
    let color = '';
    for (const { countdown, look, x, y, height: slotHeight } of placed) {
      if (look.font !== font) context.font = font = look.font;
      if (look.color !== color) context.fillStyle = color = look.color;
      // The baseline where CSS puts it: the font's ascent and descent centred in the line box.
      const { ascent, descent } = look.metrics;
      const baseline = y - top + (slotHeight - (ascent + descent)) / 2 + ascent;
      drawText(context, countdown.shown, x - left, baseline, look);
    }
  }

  private canvasFor(layer: HTMLElement, key: number): HTMLCanvasElement {
    let canvas = this.canvases.get(key);
    if (!canvas) {
      canvas = layer.ownerDocument.createElement('canvas');
      layer.append(canvas);
      this.canvases.set(key, canvas);
    }
    return canvas;
  }

  private measurer: CanvasRenderingContext2D | null = null;

  private measuringContext(): CanvasRenderingContext2D | null {
    this.measurer ??= this.layer?.ownerDocument.createElement('canvas').getContext('2d') ?? null;
    return this.measurer;
  }
}

/** The slot's font and colour, read once for each kind of slot (its class names). */
function lookOf(slot: HTMLElement, looks: Map<string, Look>, measure: CanvasRenderingContext2D): Look {
  const known = looks.get(slot.className);
  if (known) return known;
  const style = getComputedStyle(slot);
  const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const look = { font, color: style.color, tabular: style.fontVariantNumeric.includes('tabular-nums'), metrics: fontMetrics(measure, font) };
  looks.set(slot.className, look);
  return look;
}

function drawText(context: CanvasRenderingContext2D, text: string, x: number, baseline: number, look: Look): void {
  // Digits in cells of equal width, as font-variant-numeric: tabular-nums lays them out, when
  // the font's own digits are not already equal.
  if (!look.tabular || look.metrics.digitsTabular) {
    context.fillText(text, x, baseline);
    return;
  }
  let at = x;
  for (const char of text) {
    const width = look.metrics.widthOf(char);
    const cell = isDigit(char) ? look.metrics.digitCell : width;
    context.fillText(char, at + (cell - width) / 2, baseline);
    at += cell;
  }
}

function place(canvas: HTMLCanvasElement, left: number, top: number, width: number, height: number, ratio: number): void {
  const bitmapWidth = Math.max(1, Math.round(width * ratio));
  const bitmapHeight = Math.max(1, Math.round(height * ratio));
  // Resizing a bitmap reallocates and clears it: only when the size really changed.
  if (canvas.width !== bitmapWidth) canvas.width = bitmapWidth;
  if (canvas.height !== bitmapHeight) canvas.height = bitmapHeight;
  const style = canvas.style;
  const css = { left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px` };
  if (style.left !== css.left) style.left = css.left;
  if (style.top !== css.top) style.top = css.top;
  if (style.width !== css.width) style.width = css.width;
  if (style.height !== css.height) style.height = css.height;
}

/** The element's one text node rewritten in place (see LiveText: replacing the node costs more). */
function writeWords(element: HTMLElement, text: string): void {
  const node = element.firstChild;
  if (node instanceof Text && node === element.lastChild) node.data = text;
  else element.textContent = text;
}
