// The one test run: every package's tests, sharing the local services that test/global-setup.ts starts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'functions/test/**/*.test.ts', 'infra/test/**/*.test.ts', 'web/test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Handlers log through Powertools; tests want only warnings and errors.
      POWERTOOLS_LOG_LEVEL: 'WARN',
      // Every JSON answer is checked against its route's response schema (functions/http/resource.ts).
      CRM_CHECK_RESPONSES: '1',
    },
  },
});
