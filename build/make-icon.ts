import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeIconPng } from './icon-png';

// `npm run make-icon`: rewrites build/icon.png, the one icon electron-builder turns into .icns, .ico and Linux sizes.
const target = resolve(import.meta.dirname, 'icon.png');
writeFileSync(target, encodeIconPng());
console.log(`wrote ${target}`);
