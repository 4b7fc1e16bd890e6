import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The app-shell service worker (issue #9) is built as `/sw.js`: a fixed name at the root, so its scope is the whole app. */
const SERVICE_WORKER_ENTRY = 'sw';

/** Builds the client into `client/dist`, which the server serves at `/` (DESIGN.md §6). */
export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  // The server's CSP allows only same-origin scripts and styles, so nothing may be inlined as a data: URL script.
  build: {
    outDir: fromRoot('./client/dist'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // One page with an editor and Yjs; splitting it would only add round trips.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        index: fromRoot('./client/index.html'),
        [SERVICE_WORKER_ENTRY]: fromRoot('./client/src/offline/serviceWorker.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER_ENTRY ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
