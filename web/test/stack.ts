// The app under test: web/dist (built when stale) served by the local API Gateway emulator
// over the test run's shared DynamoDB Local and cognito-local.
import { buildWebIfStale } from '../../packages/local/src/web-build.ts';
import { startTestApi } from '../../packages/local/src/testing.ts';

export async function startWebApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const build = buildWebIfStale();
  if (build === 'failed' || build === 'no-build-script') throw new Error(`web build: ${build} (npm run build -w @crm/web shows why)`);
  const { apiUrl, close } = await startTestApi();
  return { url: apiUrl.replace('127.0.0.1', 'localhost'), close };
}
