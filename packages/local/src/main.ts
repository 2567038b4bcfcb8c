// `npm start`: the whole CRM on this machine at http://localhost:3000, with a demo account.
// Flags: --reset wipes .data/ first; --verbose echoes DynamoDB Local's and cognito-local's output.
// Env: PORT (3000), DYNAMODB_PORT (8000), COGNITO_PORT (9229). The API listens on 127.0.0.1 only.
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { LocalRuntimeError } from './errors.ts';
import { DEFAULT_DATA_DIR, REPO_ROOT } from './local-state.ts';
import { seedDemo } from './seed.ts';
import { startStack } from './stack.ts';
import { buildWebIfStale } from './web-build.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const args = new Set(process.argv.slice(2));
const started = Date.now();
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main() {
  if (args.has('--reset')) {
    rmSync(DEFAULT_DATA_DIR, { recursive: true, force: true });
    console.log('Wiped .data/');
  }
  const web = buildWebIfStale();
  if (web === 'failed') console.warn('The web app did not build; serving a placeholder page or the last build.');

  const stack = await startStack({
    dataDir: DEFAULT_DATA_DIR,
    ports: { api: port('PORT', 3000), dynamodb: port('DYNAMODB_PORT', 8000), cognito: port('COGNITO_PORT', 9229) },
    log: args.has('--verbose'),
    requestLog: true,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1); // a second Ctrl-C: the guards still end the children
    stopping = true;
    console.log(`\n${signal}: stopping the CRM...`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let login = '';
  try {
    const demo = await seedDemo(stack.config, stack.dataDir);
    login = `  Log in as ${demo.email} / ${demo.password}`;
  } catch (err) {
    login = `  The demo account is not ready yet (${(err as Error).message}); the next start tries again.`;
  }
  const apiUrl = stack.apiUrl.replace('127.0.0.1', 'localhost');
  console.log([
    '',
    `CRM is running at ${apiUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    login,
    `  DynamoDB Local ${stack.env.DYNAMODB_ENDPOINT}, cognito-local ${stack.env.COGNITO_ENDPOINT}, data in ${relative(REPO_ROOT, stack.dataDir)}/`,
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'));
}

main().catch((err: unknown) => {
  console.error(err instanceof LocalRuntimeError ? err.message : err);
  process.exit(1);
});
