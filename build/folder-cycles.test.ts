import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { expect, it } from 'vitest';

/** Production sources: tests may import across folders freely. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const related = (a: string, b: string) => a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/**
 * Folder-level import edges, leaving out a folder and its own ancestors: a parent (electron/core)
 * composes its subfolders and hands them its ports, which is layering, not a cycle. Between
 * siblings (tokens, http, recipes) an edge must point one way.
 */
function folderEdges(roots: string[]): Map<string, Set<string>> {
  const files = new Set(roots.flatMap((root) => sources(root)));
  const edges = new Map<string, Set<string>>();
  for (const file of files) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
      const base = normalize(join(dirname(file), spec as string));
      const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
      if (!target) continue;
      const [from, to] = [dirname(file), dirname(target)];
      if (from === to || related(from, to)) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)?.add(to);
    }
  }
  return edges;
}

function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) return void found.push([...path.slice(at), node]);
    if (done.has(node)) return;
    for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of edges.keys()) visit(node, []);
  return found;
}

it('no two folders of electron/ or shared/ import each other, directly or around a loop', () => {
  const root = join(import.meta.dirname, '..');
  const edges = folderEdges([join(root, 'electron'), join(root, 'shared')]);
  expect(edges.size).toBeGreaterThan(5);
  expect(cycles(edges).map((loop) => loop.map((dir) => relative(root, dir)).join(' -> '))).toEqual([]);
});
