// Builds the studio into the server's classpath: mosaic-web serves org/mosaic/web/static/ at "/".
// Every asset is bundled (no CDN, no external fonts). `npm run dev` proxies /api to a running `./mosaic serve`.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../../../target/classes/org/mosaic/web/static', import.meta.url));

export default defineConfig({
  base: './',
  build: {
    outDir: out,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/openapi.json': 'http://127.0.0.1:8080',
    },
  },
});
