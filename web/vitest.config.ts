// Runs only the web app's browser tests, with the same shared local services as the root run:
// `npx vitest run --config web/vitest.config.ts` from the repo root. The root vitest.config.ts
// takes them into `npm test` with the include pattern web/test/**/*.test.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import root from '../vitest.config.ts';

export default defineConfig({
  ...root,
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { ...root.test, include: ['web/test/**/*.test.ts'] },
});
