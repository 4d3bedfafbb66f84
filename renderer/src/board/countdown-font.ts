/** What painting a countdown needs to know of a font, measured once per font. */
export interface FontMetrics {
  /** Above and below the baseline: CSS centres these in the line box. */
  ascent: number;
  descent: number;
  /** The widest digit: a tabular digit's cell. */
  digitCell: number;
  /** Whether the font's digits are all one width already (most UI fonts'). */
  digitsTabular: boolean;
  widthOf(char: string): number;
  /** The width of a text, by its shape, so a ticking countdown is measured once. */
  widthOfText(text: string, tabular: boolean): number;
}

/** A handful of fonts in practice (the countdown's, at one zoom or another): bounded all the same. */
const MAX_FONTS = 16;
const MAX_SHAPES = 256;
const fonts = new Map<string, FontMetrics>();
const DIGITS = '0123456789';

/** The metrics of `font`, measured with `measure` (a canvas context only this module sets fonts on). */
export function fontMetrics(measure: CanvasRenderingContext2D, font: string): FontMetrics {
  const known = fonts.get(font);
  if (known) return known;
  measure.font = font;
  const digits = Array.from(DIGITS, (digit) => measure.measureText(digit).width);
  const zero = measure.measureText('0');
  const chars = new Map<string, number>();
  const shapes = new Map<string, number>();
  const metrics: FontMetrics = {
    ascent: zero.fontBoundingBoxAscent,
    descent: zero.fontBoundingBoxDescent,
    digitCell: Math.max(...digits),
    digitsTabular: digits.every((width) => Math.abs(width - (digits[0] ?? 0)) < 0.01),
    widthOf(char) {
      let width = chars.get(char);
      if (width === undefined) {
        measure.font = font;
        width = measure.measureText(char).width;
        chars.set(char, width);
      }
      return width;
    },
    widthOfText(text, tabular) {
      const cells = tabular && !metrics.digitsTabular;
      // With digits of one width, "0:12:34" is as wide as "0:00:00": measured once for both.
      const shape = cells || metrics.digitsTabular ? text.replace(/\d/g, '0') : text;
      let width = shapes.get(shape);
      if (width === undefined) {
        if (cells) width = Array.from(text, (char) => (isDigit(char) ? metrics.digitCell : metrics.widthOf(char))).reduce((sum, w) => sum + w, 0);
        else {
          measure.font = font;
          width = measure.measureText(text).width;
        }
        if (shapes.size >= MAX_SHAPES) shapes.clear();
        shapes.set(shape, width);
      }
      return width;
    },
  };
  if (fonts.size >= MAX_FONTS) fonts.clear();
  fonts.set(font, metrics);
  return metrics;
}

/** Measured again from the next paint: a font that has loaded since may measure otherwise. */
export function forgetFontMetrics(): void {
  fonts.clear();
}

export function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
