import { encodeIconPng } from '../../build/icon-png';

/**
 * The tray's icon, drawn from the same geometry as build/icon.png (build/icon-png.ts) in memory
 * at start: nothing to ship or download. 16 px at 1x and 32 px for 2x screens.
 */
export function trayIconPngs(): { scaleFactor: number; png: Buffer }[] {
  return [
    { scaleFactor: 1, png: encodeIconPng(16) },
    { scaleFactor: 2, png: encodeIconPng(32) },
  ];
}
