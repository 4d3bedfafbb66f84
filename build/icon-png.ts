import { crc32, deflateSync } from 'node:zlib';

/** Edge length of build/icon.png: electron-builder derives every platform's icon from it, macOS wants 1024. */
export const ICON_SIZE = 1024;

type Rgba = readonly [number, number, number, number];
const MINT: Rgba = [38, 160, 130, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The artwork in a 0..1 square: a white key on a mint rounded square. Plain geometry, so no design tool is needed. */
function colourAt(x: number, y: number): Rgba {
  if (!insideRoundedSquare(x, y, 0.04, 0.2)) return CLEAR;
  const ringDistance = Math.hypot(x - 0.36, y - 0.5);
  const inRing = ringDistance <= 0.19 && ringDistance >= 0.09;
  const inShaft = x >= 0.52 && x <= 0.84 && y >= 0.46 && y <= 0.54;
  const inTeeth = y >= 0.54 && ((x >= 0.7 && x <= 0.75 && y <= 0.63) || (x >= 0.79 && x <= 0.84 && y <= 0.67));
  return inRing || inShaft || inTeeth ? WHITE : MINT;
}

function insideRoundedSquare(x: number, y: number, inset: number, radius: number): boolean {
  const low = inset + radius;
  const high = 1 - inset - radius;
  const dx = Math.max(low - x, 0, x - high);
  const dy = Math.max(low - y, 0, y - high);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && Math.hypot(dx, dy) <= radius;
}

/** Raw RGBA scanlines, each led by PNG filter byte 0; 2×2 supersampling smooths the edges. */
export function renderIconPixels(size: number): Buffer {
  const stride = 1 + size * 4;
  const pixels = Buffer.alloc(stride * size);
  const samples = [0.25, 0.75];
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const sum = [0, 0, 0, 0];
      for (const sy of samples) {
        for (const sx of samples) {
          const colour = colourAt((column + sx) / size, (row + sy) / size);
          // Premultiplied, so a transparent sample darkens nothing at the rim.
          for (let channel = 0; channel < 3; channel++) sum[channel]! += (colour[channel]! * colour[3]) / 255;
          sum[3]! += colour[3];
        }
      }
      const alpha = sum[3]! / 4;
      const offset = row * stride + 1 + column * 4;
      for (let channel = 0; channel < 3; channel++) pixels[offset + channel] = alpha ? Math.round((sum[channel]! / 4) * (255 / alpha)) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A complete 8-bit RGBA PNG of the icon. */
export function encodeIconPng(size: number = ICON_SIZE): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(renderIconPixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
