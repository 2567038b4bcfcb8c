// Builds the single-page app into web/dist; `npm run dev` proxies the API of a running local stack.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const localStack = process.env.CRM_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies beside each text file, made once at build time: the local server sends
    // them as they are (packages/local/src/web.ts); in AWS, CloudFront compresses (web-stack.ts).
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
  ],
  // `@/x` is web/src/x, so imports name where a thing lives instead of climbing with ../../../
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 400,
    // Shared chunks under 8 KB are copied into their importers: the kanban's first load drops from
    // 74 files to 23 for about 1 KB more (web/scripts/bundle-size.ts), which a slow link over
    // HTTP/1.1 (six connections) feels most. Rolldown marks the option experimental.
    rolldownOptions: { output: { codeSplitting: { experimentalInlineCommonChunks: { maxSize: 8 * 1024 } } } },
  },
  server: {
    port: 5173,
    proxy: { '/api': localStack, '/config.json': localStack },
  },
});
