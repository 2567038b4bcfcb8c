// Builds the web app before `npm start` serves it, when web/dist is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './local-state.ts';

const WEB = join(REPO_ROOT, 'web');

/** 'built', 'fresh' (nothing to do), 'no-build-script', or 'failed'. */
export function buildWebIfStale(): 'built' | 'fresh' | 'no-build-script' | 'failed' {
  const pkg = JSON.parse(readFileSync(join(WEB, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.build) return 'no-build-script';
  const index = join(WEB, 'dist', 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(WEB, p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return 'fresh';
  console.log('Building the web app (npm run build -w @crm/web)...');
  const run = spawnSync('npm', ['run', 'build', '-w', '@crm/web'], { cwd: REPO_ROOT, stdio: 'ignore' });
  return run.status === 0 ? 'built' : 'failed';
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((n) => n !== 'node_modules')
      .map((n) => newestMtime(join(path, n))),
  );
}
