import { isSafeId } from '../../shared/src/ids';

/** The pages of the app, by path. */
export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'invitation' }
  | { readonly kind: 'plan'; readonly planId: string }
  | { readonly kind: 'nieuwPlan' }
  | { readonly kind: 'notFound' };

/** Reads a path into a route. Example: `parseRoute('/plan/p1')` → `{ kind: 'plan', planId: 'p1' }`. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { kind: 'home' };
  if (path === '/uitnodiging') return { kind: 'invitation' };
  if (path === NIEUW_PLAN_PATH) return { kind: 'nieuwPlan' };
  const match = /^\/plan\/([^/]+)$/.exec(path);
  if (match?.[1] && isSafeId(match[1])) return { kind: 'plan', planId: match[1] };
  return { kind: 'notFound' };
}

/** The page where a jeugdbeschermer makes a new plan from a template. */
export const NIEUW_PLAN_PATH = '/nieuw-plan';

/** The path of a plan page. */
export function planPath(planId: string): string {
  return `/plan/${planId}`;
}

/**
 * The same-origin path of an invitation the server returned. The server may spell its own host in the
 * URL (behind a proxy it can differ from the page's); the token after `#` is what counts.
 */
export function invitationPath(token: string): string {
  return `/uitnodiging#${token}`;
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
