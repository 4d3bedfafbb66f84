import { writeInPlace, type ClockText } from '../ui/clock-text';
import { clockReading, subscribe } from '../use-clock';
import { drawColumn, drawnWidth, type Look, type Placed } from './countdown-column';
import { fontMetrics, forgetFontMetrics } from './countdown-font';
import { watchRestyles } from './countdown-restyles';

/** One countdown: the box in its row that it is painted over, and the element holding its words. */
interface Countdown {
  /** A `<canvas>` with no bitmap of its own: it only takes the text's place in the row's layout. */
  slot: HTMLElement;
  /** The slot's fallback content: what screen readers read and tests find, never laid out. */
  words: HTMLElement;
  read: ClockText;
  shown: string;
  /** The width given to the slot, so the painted text has exactly its room. */
  width: number;
}

/**
 * Paints the board's ticking countdowns on one canvas per column of rows, instead of in the DOM.
 *
 * Each tick used to rewrite a text in every visible row, and Chromium then laid out and painted
 * each of those rows again: about 5 ms of main-thread work a second with 42 rows, where the board
 * allows 4. Here a tick rewrites the words in each slot's fallback content (exposed to assistive
 * technology, never laid out or painted) and draws the same words on a canvas over the rows: one
 * canvas to repaint per column, nothing to lay out. Each countdown is drawn in its slot's own
 * computed font and colour; a render of its row repaints it at the next frame, a tick at once.
 */
export class CountdownPainter {
  private readonly countdowns = new Set<Countdown>();
  private readonly canvases: HTMLCanvasElement[] = [];
  private layer: HTMLElement | null = null;
  private stopTicking: (() => void) | null = null;
  private frame: number | null = null;
  /** Each kind of slot's look, by class names: read again whenever anything may have restyled it. */
  private readonly looks = new Map<string, Look>();
  private measurer: CanvasRenderingContext2D | null = null;

  /** Whether this page can paint: a canvas with a 2D context (not in a DOM without one, as in unit tests). */
  static supported(document: Document): boolean {
    return document.createElement('canvas').getContext('2d') !== null;
  }

  /**
   * Paints into `layer`, an empty element laid over the rows (positioned, covering them, after
   * them, letting pointer events through). Returns the function that stops painting.
   */
  attach(layer: HTMLElement): () => void {
    this.layer = layer;
    this.measurer = layer.ownerDocument.createElement('canvas').getContext('2d');
    const stopWatching = watchRestyles(layer, {
      moved: () => this.repaint(),
      restyled: () => this.invalidate(),
      fontsLoaded: () => {
        forgetFontMetrics();
        this.invalidate();
      },
    });
    this.startTicking();
    this.invalidate();
    return () => {
      stopWatching();
      this.stopTicking?.();
      this.stopTicking = null;
      if (this.frame !== null) cancelAnimationFrame(this.frame);
      this.frame = null;
      for (const canvas of this.canvases.splice(0)) canvas.remove();
      this.layer = null;
    };
  }

  /**
   * Shows `read` over `slot`, its words written into `words` at once (so the DOM is never behind
   * the time). Returns how to give it a new reading (after a render: main may have sent a fresher
   * token) and how to take it away.
   */
  add(slot: HTMLElement, words: HTMLElement, read: ClockText): { update: (read: ClockText) => void; remove: () => void } {
    const countdown: Countdown = { slot, words, read, shown: '', width: -1 };
    this.countdowns.add(countdown);
    this.refresh(countdown);
    this.startTicking();
    this.invalidate();
    return {
      update: (next) => {
        countdown.read = next;
        this.refresh(countdown);
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

  /** Paints again, looks read anew, before the next frame: once however many rows asked. */
  invalidate(): void {
    this.looks.clear();
    if (this.frame !== null || !this.layer) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.paint();
    });
  }

  /** Paints again now, looks read anew. */
  private repaint(): void {
    this.looks.clear();
    this.paint();
  }

  private startTicking(): void {
    if (this.stopTicking || !this.layer || this.countdowns.size === 0) return;
    this.stopTicking = subscribe(() => this.tick());
  }

  /** A tick: new words where the time changed them, and a repaint only if it changed any. */
  private tick(): void {
    const now = clockReading();
    let changed = false;
    for (const countdown of this.countdowns) changed = this.refresh(countdown, now) || changed;
    if (changed) this.paint();
  }

  private refresh(countdown: Countdown, now = clockReading()): boolean {
    const next = countdown.read(now) ?? '';
    if (next === countdown.shown) return false;
    countdown.shown = next;
    writeInPlace(countdown.words, next);
    return true;
  }

  private paint(): void {
    const layer = this.layer;
    const measure = this.measurer;
    if (!layer || !measure) return;
    // First every write (slot widths), then every read (places): one layout at most.
    const sized: { countdown: Countdown; look: Look }[] = [];
    for (const countdown of this.countdowns) {
      if (countdown.shown === '') continue;
      const look = this.lookOf(countdown.slot, measure);
      const width = Math.ceil(drawnWidth(countdown.shown, look));
      if (width !== countdown.width) {
        countdown.slot.style.width = `${width}px`;
        countdown.width = width;
      }
      sized.push({ countdown, look });
    }
    const origin = layer.getBoundingClientRect();
    // Columns by where their slots start, left to right: the same canvas for the same column.
    const columns = new Map<number, Placed[]>();
    for (const { countdown, look } of sized) {
      const box = countdown.slot.getBoundingClientRect();
      // Not laid out (a hidden row): nothing to paint.
      if (box.width === 0 && box.height === 0) continue;
      const x = box.left - origin.left;
      const key = Math.floor(x);
      let column = columns.get(key);
      if (!column) columns.set(key, (column = []));
      column.push({ text: countdown.shown, look, x, y: box.top - origin.top, width: countdown.width, height: box.height });
    }
    const ordered = [...columns.keys()].sort((a, b) => a - b);
    for (const canvas of this.canvases.splice(ordered.length)) canvas.remove();
    const ratio = layer.ownerDocument.defaultView?.devicePixelRatio || 1;
    ordered.forEach((key, index) => drawColumn(this.canvasAt(layer, index), columns.get(key) ?? [], origin.left, origin.top, ratio));
  }

  private canvasAt(layer: HTMLElement, index: number): HTMLCanvasElement {
    let canvas = this.canvases[index];
    if (!canvas) {
      canvas = layer.ownerDocument.createElement('canvas');
      // A context the browser had to drop (a GPU reset) comes back blank.
      canvas.addEventListener('contextrestored', () => this.invalidate());
      layer.append(canvas);
      this.canvases[index] = canvas;
    }
    return canvas;
  }

  /** The slot's font and colour, read once for each kind of slot (its class names). */
  private lookOf(slot: HTMLElement, measure: CanvasRenderingContext2D): Look {
    const known = this.looks.get(slot.className);
    if (known) return known;
    const style = getComputedStyle(slot);
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const look = { font, color: style.color, tabular: style.fontVariantNumeric.includes('tabular-nums'), metrics: fontMetrics(measure, font) };
    this.looks.set(slot.className, look);
    return look;
  }
}
