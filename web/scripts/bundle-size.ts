// Prints the gzipped JavaScript a browser loads to show the sign-in page and the kanban page
// on a first visit: the entry chunk, the route's lazy chunks, and all their static imports,
// read from Vite's manifest of web/dist. Budget: 250 KB per page. `--json` for machines.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

const BUDGET_KB = 250;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The lazy chunks each page needs besides the entry (see src/app/routes.tsx), in English. */
const PAGES: Record<string, string[]> = {
  login: ['src/i18n/en.ts', 'src/pages/auth/LoginPage.tsx'],
  kanban: ['src/i18n/en.ts', 'src/app/shell/SignedInShell.tsx', 'src/pages/leads/KanbanPage.tsx'],
};

function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    // A module also imported statically elsewhere (en.ts) is a shared chunk, listed by its name only.
    const chunk = manifest[key] ?? Object.values(manifest).find((c) => !c.src && key.endsWith(`/${c.name}.ts`));
    if (!chunk) throw new Error(`${key} is not in the build manifest: is web/dist from this source?`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

export function measurePages(distDir = dist): Record<string, { files: number; rawBytes: number; gzipBytes: number }> {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  return Object.fromEntries(
    Object.entries(PAGES).map(([page, chunks]) => {
      const files = [...staticClosure(manifest, [entry, ...chunks])].filter((f) => f.endsWith('.js'));
      const bytes = files.map((f) => readFileSync(join(distDir, f)));
      // A build run with NODE_ENV=test (e.g. spawned from vitest) keeps React's dev JSX.
      if (bytes.some((b) => b.includes('jsxDEV('))) throw new Error('web/dist is a development build: run npm run build -w @crm/web');
      return [
        page,
        {
          files: files.length,
          rawBytes: bytes.reduce((s, b) => s + b.length, 0),
          gzipBytes: bytes.reduce((s, b) => s + gzipSync(b).length, 0),
        },
      ];
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = measurePages();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes));
  } else {
    let over = false;
    for (const [page, s] of Object.entries(sizes)) {
      const kb = s.gzipBytes / 1024;
      over ||= kb > BUDGET_KB;
      console.log(
        `web initial JS, ${page} page: ${kb.toFixed(1)} KB gzipped (${(s.rawBytes / 1024).toFixed(0)} KB raw, ${s.files} files; budget ${BUDGET_KB} KB)`,
      );
    }
    if (over) process.exitCode = 1;
  }
}
