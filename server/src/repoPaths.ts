import { fileURLToPath } from 'node:url';

/** Folders of the repository, relative to this file, so the server runs from any working directory. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const DEMO_SEED_FILE = fileURLToPath(new URL('../../templates/demo/gezin-de-boer.json', import.meta.url));
export const CLIENT_DIST_DIR = fileURLToPath(new URL('../../client/dist/', import.meta.url));
/** The update inspection worker's entry point (a file of its own, started with `new Worker`). */
export const INSPECTION_WORKER_URL = new URL('./sync/inspection/inspectionWorker.mjs', import.meta.url);
