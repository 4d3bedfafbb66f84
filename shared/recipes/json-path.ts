import type { ResponsePath } from './recipe-schema';

export type PathHit = { found: true; value: unknown; path: string } | { found: false };

/**
 * Reads `a.b.c` from a parsed JSON reply. Keys match case-insensitively (providers' docs
 * disagree with their own servers on `token` vs `Token`); numeric segments index arrays.
 * A list of paths is tried in order.
 */
export function readPath(root: unknown, path: ResponsePath): PathHit {
  for (const candidate of typeof path === 'string' ? [path] : path) {
    const hit = readOne(root, candidate);
    if (hit.found) return hit;
  }
  return { found: false };
}

function readOne(root: unknown, path: string): PathHit {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
      const record = current as Record<string, unknown>;
      const key = Object.hasOwn(record, segment) ? segment : Object.keys(record).find((k) => k.toLowerCase() === segment.toLowerCase());
      current = key === undefined ? undefined : record[key];
    } else {
      return { found: false };
    }
    if (current === undefined || current === null) return { found: false };
  }
  return { found: true, value: current, path };
}

/** The name a user recognises: the last segment of the first alternative. */
export function pathLabel(path: ResponsePath): string {
  const first = typeof path === 'string' ? path : (path[0] ?? '');
  return first.split('.').at(-1) ?? first;
}
