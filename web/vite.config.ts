// Builds the single-page app into web/dist; `npm run dev` proxies the API of a running local stack.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const localStack = process.env.CRM_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: { '/api': localStack, '/config.json': localStack },
  },
});
