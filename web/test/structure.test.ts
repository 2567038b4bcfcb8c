// The web app's layers, kept by a test instead of a lint plugin: every import of web/src is
// read with TypeScript's own pre-parser and checked against the layer table below.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/**
 * Bottom up. A layer may import itself and the layers it lists; a feature may not import
 * another feature (pages and the app compose them).
 */
const LAYERS: Record<string, string[]> = {
  lib: [],
  i18n: [],
  ui: ['lib', 'i18n'],
  api: ['lib'],
  session: ['api', 'lib', 'ui', 'i18n'],
  reference: ['session', 'api', 'lib', 'ui', 'i18n'],
  feature: ['reference', 'session', 'api', 'lib', 'ui', 'i18n'],
  pages: ['feature*', 'reference', 'session', 'api', 'lib', 'ui', 'i18n'],
  app: ['pages', 'feature*', 'reference', 'session', 'api', 'lib', 'ui', 'i18n'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(entry) ? [path] : [];
  });
}

/** 'features/leads/x.ts' -> { layer: 'feature', unit: 'features/leads' }; main.tsx belongs to the app. */
function layerOf(file: string): { layer: string; unit: string } {
  const [top, second] = relative(SRC, file).split('/');
  if (top === 'features') return { layer: 'feature', unit: `features/${second}` };
  if (top === 'main.tsx') return { layer: 'app', unit: 'app' };
  if (!(top in LAYERS)) throw new Error(`${relative(SRC, file)}: not in a known layer of web/src`);
  return { layer: top, unit: top };
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(SRC, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((x) => base + x).find((p) => existsSync(p) && statSync(p).isFile());
  if (!found) throw new Error(`${relative(SRC, from)}: cannot resolve ${spec}`);
  return found;
}

const files = filesUnder(SRC);
/** Every file's imports, static, dynamic and type-only alike. */
const graph = new Map(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return [file, importedFiles.map((i) => ({ spec: i.fileName, target: resolveImport(file, i.fileName) }))];
  }),
);

function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>(),
    low = new Map<string, number>(),
    stack: string[] = [],
    onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const { target: w } of graph.get(v) ?? []) {
      if (!w) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(relative(SRC, w));
      } while (w !== v);
      if (scc.length > 1) found.push(scc);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('Web layers', () => {
  it('imports only downwards: lib, ui and i18n -> api -> session -> reference -> features -> pages -> app', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const { spec, target } of imports) {
        if (!target) continue;
        const to = layerOf(target);
        if (to.unit === from.unit) continue;
        const allowed = LAYERS[from.layer];
        const ok = to.layer === 'feature' ? allowed.includes('feature*') : allowed.includes(to.layer);
        if (!ok) wrong.push(`${relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('imports across folders through the @/ alias, not ../', () => {
    const climbing = [...graph].flatMap(([file, imports]) =>
      imports.filter((i) => i.spec.startsWith('../')).map((i) => `${relative(SRC, file)} -> ${i.spec}`),
    );
    expect(climbing).toEqual([]);
  });
});

// That every operation called exists in the contract is checked by the type checker in
// packages/contract/test/web-operations.test.ts; this keeps anything from going around the client.
describe('The web app and the contract', () => {
  const sources = files.map((file) => ({ file: relative(SRC, file), text: readFileSync(file, 'utf8') }));

  it('reaches the API only through the typed client: fetch is called by the adapter, config.json and Cognito alone', () => {
    const fetching = sources
      .filter((s) => /\bfetch\s*\(/.test(s.text))
      .map((s) => s.file)
      .sort();
    expect(fetching).toEqual(['api/client.ts', 'api/config.ts', 'session/cognito.ts']);
    const apiPaths = sources.filter((s) => /['"`]\/api\/v1/.test(s.text)).map((s) => s.file);
    expect(apiPaths).toEqual([]);
    const clientMakers = sources.filter((s) => /^import \{[^}]*\bcreateClient\b/m.test(s.text)).map((s) => s.file);
    expect(clientMakers).toEqual(['api/client.ts']);
  });
});
