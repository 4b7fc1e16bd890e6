import { isSafeId } from '../../shared/src/ids';

/** The pages of the app, by path. */
export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'invitation' }
  | { readonly kind: 'plan'; readonly planId: string }
  | { readonly kind: 'notFound' };

/** Reads a path into a route. Example: `parseRoute('/plan/p1')` → `{ kind: 'plan', planId: 'p1' }`. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { kind: 'home' };
  if (path === '/uitnodiging') return { kind: 'invitation' };
  const match = /^\/plan\/([^/]+)$/.exec(path);
  if (match?.[1] && isSafeId(match[1])) return { kind: 'plan', planId: match[1] };
  return { kind: 'notFound' };
}

/** The path of a plan page. */
export function planPath(planId: string): string {
  return `/plan/${planId}`;
}

const NAVIGATE_EVENT = 'gezinsplan:navigate';

/** Goes to another page without a reload; `replace` keeps the old URL (with a token) out of the history. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Subscribes to path changes (links, back button); returns the unsubscribe function. */
export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}
