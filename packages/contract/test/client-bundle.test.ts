// The web app bundles the client: it must carry the methods and paths, never zod or the schemas.
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

describe('Client: bundle', () => {
  it('bundles for the browser without zod', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../src/client.ts', import.meta.url))],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => /zod|operations\.ts|schemas\.ts/.test(file))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('/api/v1/pipelines/{id}/stages/{stageId}');
    // Unminified: about 200 operations' methods and paths and the web-form snippet; zod alone is 100 KB.
    expect(code.length).toBeLessThan(24_000);
  });
});
