// Keeps core's layers one way down: a module imports only from its own layer or lower ones,
// and no chain of imports comes back to where it started.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** Bottom up. A file at the top of src/ (or in entities/) is the kernel, below everything. */
const LAYERS = ['kernel', 'model', 'write', 'reads', 'derived', 'services', 'cascades', 'index'] as const;

const layerOf = (file: string) => {
  if (file === 'index.ts') return LAYERS.indexOf('index');
  const top = file.includes('/') ? file.split('/')[0] : 'kernel';
  const layer = LAYERS.indexOf((top === 'entities' ? 'kernel' : top) as (typeof LAYERS)[number]);
  if (layer < 0) throw new Error(`${file} is in no layer: put it in one of ${LAYERS.join(', ')}`);
  return layer;
};

const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split('\\').join('/'));

/** Relative imports of each file, static and dynamic, type-only ones included (they couple the layers too). */
const graph = new Map(
  files.map((file) => {
    const source = readFileSync(join(SRC, file), 'utf8');
    const specs = [...source.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
    return [
      file,
      specs.map((s) =>
        relative(SRC, resolve(SRC, dirname(file), s))
          .split('\\')
          .join('/'),
      ),
    ];
  }),
);

describe('core layers', () => {
  it('sees every module', () => {
    expect(files).toContain('write/aggregate.ts');
    expect(files.length).toBeGreaterThan(40);
  });

  it('imports only downwards (or within a layer)', () => {
    const upward = [...graph].flatMap(([file, targets]) => targets.filter((t) => layerOf(t) > layerOf(file)).map((t) => `${file} -> ${t}`));
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
