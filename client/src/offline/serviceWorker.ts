/**
 * The app-shell service worker (issue #9), built to `/sw.js` (vite.config.ts). It keeps index.html and the
 * built assets, so that a page opened once online opens again without a network; the plan itself then comes
 * from IndexedDB. It never touches `/api/` or `/sync/`: nothing personal goes into its cache.
 *
 * - navigations: network first (a new release shows at once), the kept index.html when the network fails
 *   or takes longer than 4 s;
 * - `/assets/*` (hashed names, never changed): cache first, kept in step with the index.html last seen.
 *
 * This file has no imports on purpose: the build emits it as one classic script.
 */

// The DOM library has no service-worker types; these are the few parts used here.
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
/** Chromium 123+ lets a worker name requests the browser sends straight to the network, without starting it. */
interface InstallEvent extends ExtendableEvent {
  addRoutes?(rules: { condition: { urlPattern: { pathname: string } }; source: 'network' }[]): Promise<void>;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install', listener: (event: InstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const scope = self as unknown as WorkerScope;
const CACHE = 'gezinsplan-shell-v1';
/** The app's index.html is the same for every page; it is kept under this one key. */
const SHELL = '/';
const NETWORK_TIMEOUT_MS = 4_000;

/** Paths the worker never handles (see `isServerPath`). */
const SERVER_PATHS = ['/api/*', '/sync/*', '/healthz'];

scope.addEventListener('install', (event) => {
  // API calls then never wait for the worker to start (a rights change refetches the plan view at once).
  event.addRoutes?.(SERVER_PATHS.map((pathname) => ({ condition: { urlPattern: { pathname } }, source: 'network' }))).catch(() => undefined);
  // A first install without network leaves the cache empty; the next online navigation fills it.
  event.waitUntil(refreshShell().catch(() => undefined).then(() => scope.skipWaiting()));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.mode === 'navigate' && !isServerPath(url.pathname)) return event.respondWith(navigation(request, event));
  if (url.pathname.startsWith('/assets/')) return event.respondWith(asset(request));
});

/** API, sync and health answers always come from the server, and are never kept. */
function isServerPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/sync/') || pathname === '/healthz';
}

async function navigation(request: Request, event: FetchEvent): Promise<Response> {
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
    if (response.ok && isHtml(response)) event.waitUntil(keepShell(response.clone()).catch(() => undefined));
    return response;
  } catch {
    const kept = await caches.open(CACHE).then((cache) => cache.match(SHELL));
    return kept ?? Response.error();
  }
}

async function asset(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function refreshShell(): Promise<void> {
  const response = await fetch(SHELL, { cache: 'no-store' });
  if (response.ok && isHtml(response)) await keepShell(response);
}

/** Keeps this index.html and exactly the assets it names. */
async function keepShell(response: Response): Promise<void> {
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
  const cache = await caches.open(CACHE);
  const missing: string[] = [];
  for (const path of assets) if (!(await cache.match(path))) missing.push(path);
  await cache.addAll(missing);
  await cache.put(SHELL, response);
  const wanted = new Set(assets);
  for (const key of await cache.keys()) {
    const path = new URL(key.url).pathname;
    if (path.startsWith('/assets/') && !wanted.has(path)) await cache.delete(key);
  }
}

function isHtml(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').startsWith('text/html');
}

export {};
