// `npm start`: the whole CRM on this machine at http://localhost:3000, with a demo account.
// Flags: --reset wipes .data/ first; --verbose echoes DynamoDB Local's and cognito-local's output.
// Env: PORT (3000), DYNAMODB_PORT (8000), COGNITO_PORT (9229), CRM_DATA_DIR (.data), CRM_SKIP_WEB_BUILD.
// The API listens on 127.0.0.1 only.
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { LocalRuntimeError } from './errors.ts';
import { DEFAULT_DATA_DIR, REPO_ROOT } from './local-state.ts';
import { seedDemo } from './seed.ts';
import { startStack } from './stack.ts';
import { buildWebIfStale } from './web-build.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const args = new Set(process.argv.slice(2));
const started = Date.now();
/** CRM_DATA_DIR moves .data/ elsewhere (the start/stop test uses a temporary one). */
const dataDir = resolve(process.env.CRM_DATA_DIR ?? DEFAULT_DATA_DIR);
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main() {
  if (args.has('--reset')) {
    rmSync(dataDir, { recursive: true, force: true });
    console.log(`Wiped ${relative(REPO_ROOT, dataDir)}/`);
  }
  const web = process.env.CRM_SKIP_WEB_BUILD ? 'fresh' : buildWebIfStale();
  if (web === 'failed')
    console.warn('The web app did not build (`npm run build -w @crm/web` shows why); serving the last build or a placeholder.');

  // A child that died is started again; one that stays down ends the CRM with its one line,
  // rather than leaving an API that can only answer 503. (Lost while starting: nothing to stop
  // yet, and the guards end the children when we exit.)
  let running: { stop(): Promise<void> } | undefined;
  const serviceLost = (line: string) => {
    console.error(line);
    void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
  };
  const stack = await startStack({
    dataDir,
    ports: { api: port('PORT', 3000), dynamodb: port('DYNAMODB_PORT', 8000), cognito: port('COGNITO_PORT', 9229) },
    log: args.has('--verbose'),
    requestLog: true,
    onServiceLost: serviceLost,
  });
  running = stack;
  let stoppingSince = 0;
  const stop = async (signal: string) => {
    // Ctrl-C reaches both tsx and us, and tsx relays it once more: a repeat within a second is
    // that echo. A later one is a second Ctrl-C: leave at once, the guards still end the children.
    if (stoppingSince) {
      if (Date.now() - stoppingSince > 1000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
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
  console.log(
    [
      '',
      `CRM is running at ${apiUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      login,
      `  DynamoDB Local ${stack.env.DYNAMODB_ENDPOINT}, cognito-local ${stack.env.COGNITO_ENDPOINT}, data in ${relative(REPO_ROOT, stack.dataDir)}/`,
      `  Mail: SMTP ${stack.env.MAIL_SMTP_URL}, letters sent and received at ${stack.env.MAIL_VIEW_URL}, mailboxes <account id>@${stack.env.MAIL_DOMAIN}`,
      '  Webhooks may call http:// and loopback (127.0.0.1, ::1) receivers here; in AWS only https to public addresses.',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof LocalRuntimeError ? err.message : err);
  process.exit(1);
});
