import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZE, renderIconPixels } from './icon-png';

interface Chunk {
  type: string;
  data: Buffer;
}

/** Splits a PNG into chunks, checking the signature and every chunk's CRC as a decoder would. */
function readChunks(png: Buffer): Chunk[] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: Chunk[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const typed = png.subarray(offset + 4, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typed));
    chunks.push({ type: typed.subarray(0, 4).toString('latin1'), data: typed.subarray(4) });
    offset += 12 + length;
  }
  return chunks;
}

describe('build/icon.png', () => {
  const png = readFileSync(resolve(import.meta.dirname, 'icon.png'));

  it('is a valid square 8-bit RGBA PNG', () => {
    const chunks = readChunks(png);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4)]).toEqual([ICON_SIZE, ICON_SIZE]);
    expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  });

  // Pixels, not bytes: another Node's zlib may compress the same image differently.
  it('shows exactly what build/make-icon.ts draws, so the committed file can be regenerated', () => {
    const idat = readChunks(png).find((chunk) => chunk.type === 'IDAT')!;
    expect(inflateSync(idat.data).equals(renderIconPixels(ICON_SIZE))).toBe(true);
  });
});
