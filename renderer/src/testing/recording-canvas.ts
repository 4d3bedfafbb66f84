import { vi } from 'vitest';

/**
 * happy-dom has no 2D canvas and lays nothing out: each canvas gets a recording context, and
 * each element the box a test gives it. Digits are 7 pixels wide, except in the font family
 * "Narrow Ones", whose 1 is 5, as in many fonts.
 */
export interface Drawn {
  text: string;
  x: number;
  y: number;
  font: string;
  color: string;
}

export const ASCENT = 10;
export const DESCENT = 4;

function charWidth(char: string, font: string): number {
  if (char === '1') return font.includes('Narrow Ones') ? 5 : 7;
  if (char >= '0' && char <= '9') return 7;
  return char === ':' || char === ' ' ? 3 : 6;
}

export class RecordingContext {
  /** How much wider every glyph measures: a font that loads late and measures otherwise. */
  static widthScale = 1;
  font = '10px sans-serif';
  fillStyle = '#000000';
  transform: number[] = [];
  shown: Drawn[] = [];
  draws = 0;
  measureText(text: string) {
    return { width: RecordingContext.widthScale * Array.from(text).reduce((sum, char) => sum + charWidth(char, this.font), 0), fontBoundingBoxAscent: ASCENT, fontBoundingBoxDescent: DESCENT };
  }
  fillText(text: string, x: number, y: number) {
    this.draws++;
    this.shown.push({ text, x, y, font: this.font, color: this.fillStyle });
  }
  clearRect() {
    this.shown = [];
  }
  setTransform(...values: number[]) {
    this.transform = values;
  }
}

const contexts = new WeakMap<HTMLCanvasElement, RecordingContext>();
export function contextOf(canvas: HTMLCanvasElement): RecordingContext {
  let context = contexts.get(canvas);
  if (!context) contexts.set(canvas, (context = new RecordingContext()));
  return context;
}

export function placeAt(element: HTMLElement, left: number, top: number, height = 0): void {
  element.getBoundingClientRect = () => {
    const width = parseFloat(element.style.width) || 0;
    return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
  };
}

/** From here on (until vi.restoreAllMocks), every canvas draws into its RecordingContext. */
export function recordCanvases(): void {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return contextOf(this) as unknown as CanvasRenderingContext2D;
  } as unknown as HTMLCanvasElement['getContext']);
}
