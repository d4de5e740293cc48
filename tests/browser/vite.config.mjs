import { defineConfig } from 'vite';
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  logLevel: 'warn',
  // The test page bundles every vector file and the PolyMap IMDF venue into its one chunk (about 1.3 MB: test data,
  // not shipped code), so Vite's 500 kB chunk warning is raised for it; the demo app (www/) stays under it.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 2048 },
});
