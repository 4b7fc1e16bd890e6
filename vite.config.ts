import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));

/** Builds the client into `client/dist`, which the server serves at `/` (DESIGN.md §6). */
export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  // The server's CSP allows only same-origin scripts and styles, so nothing may be inlined as a data: URL script.
  build: {
    outDir: fileURLToPath(new URL('./client/dist', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // One page with an editor and Yjs; splitting it would only add round trips.
    chunkSizeWarningLimit: 1200,
  },
});
