import { isDigit, type FontMetrics } from './countdown-font';

/** How a kind of countdown is drawn: its slot's computed font and colour. */
export interface Look {
  font: string;
  color: string;
  /** The slot asks for digits of one width (font-variant-numeric: tabular-nums). */
  tabular: boolean;
  metrics: FontMetrics;
}

/** One countdown to draw: its words and its slot's box, in CSS pixels from the layer's corner. */
export interface Placed {
  text: string;
  look: Look;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws a column of countdowns on `canvas`, which it places (absolutely, in the layer) to cover
 * them. The canvas is laid on whole device pixels, counted from the viewport as the screen is:
 * a bitmap that lands between device pixels is resampled, and its text blurs.
 */
export function drawColumn(canvas: HTMLCanvasElement, placed: readonly Placed[], layerLeft: number, layerTop: number, ratio: number): void {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const { x, y, width, height } of placed) {
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  }
  const deviceLeft = Math.floor((layerLeft + left) * ratio);
  const deviceTop = Math.floor((layerTop + top) * ratio);
  const bitmapWidth = Math.max(1, Math.ceil((layerLeft + right) * ratio) - deviceLeft);
  const bitmapHeight = Math.max(1, Math.ceil((layerTop + bottom) * ratio) - deviceTop);
  const cssLeft = deviceLeft / ratio - layerLeft;
  const cssTop = deviceTop / ratio - layerTop;
  place(canvas, cssLeft, cssTop, bitmapWidth, bitmapHeight, ratio);

  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, bitmapWidth / ratio, bitmapHeight / ratio);
  // Setting a font or a colour parses it: only when it changes (a resized bitmap resets both).
  let font = '';
  let color = '';
  for (const { text, look, x, y, height } of placed) {
    if (look.font !== font) context.font = font = look.font;
    if (look.color !== color) context.fillStyle = color = look.color;
    // The baseline where CSS puts it: the font's ascent and descent centred in the line box.
    const { ascent, descent } = look.metrics;
    drawText(context, text, x - cssLeft, y - cssTop + (height - (ascent + descent)) / 2 + ascent, look);
  }
}

/** The width `text` takes as drawn with `look`. */
export function drawnWidth(text: string, look: Look): number {
  return look.metrics.widthOfText(text, look.tabular);
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

function place(canvas: HTMLCanvasElement, left: number, top: number, bitmapWidth: number, bitmapHeight: number, ratio: number): void {
  // Resizing a bitmap reallocates and clears it: only when the size really changed.
  if (canvas.width !== bitmapWidth) canvas.width = bitmapWidth;
  if (canvas.height !== bitmapHeight) canvas.height = bitmapHeight;
  const style = canvas.style;
  const css = { left: `${left}px`, top: `${top}px`, width: `${bitmapWidth / ratio}px`, height: `${bitmapHeight / ratio}px` };
  if (style.left !== css.left) style.left = css.left;
  if (style.top !== css.top) style.top = css.top;
  if (style.width !== css.width) style.width = css.width;
  if (style.height !== css.height) style.height = css.height;
}
