/** Where the build puts the app-shell service worker (vite.config.ts). */
const SERVICE_WORKER_URL = '/sw.js';

/**
 * Registers the app-shell service worker (offline/serviceWorker.ts), so that the app opens again without a
 * network (issue #9). Harmless to call on every plan load; a browser without service workers (or a refused
 * registration) just cannot start offline.
 */
export function registerAppShell(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch(() => undefined);
}

/** Unregisters the service worker and empties every cache of this origin (the app keeps only its shell there). */
export async function removeAppShell(): Promise<void> {
  if ('serviceWorker' in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((r) => r.unregister()));
  }
  if ('caches' in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
}
