import { defineConfig } from 'vite';

// Built into dist/ and embedded in Territory.Web (see Territory.Web.csproj); `npm run dev`
// proxies the API to a running `territory serve` on the default port.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:5080', '/openapi': 'http://127.0.0.1:5080' } },
});
