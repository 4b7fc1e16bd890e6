import { isSafeId } from '../../shared/src/ids';

/** The pages of the app, by path. */
export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'invitation' }
  | { readonly kind: 'plan'; readonly planId: string }
  | { readonly kind: 'nieuwPlan' }
  | { readonly kind: 'versies'; readonly planId: string }
  | { readonly kind: 'versie'; readonly planId: string; readonly nummer: number }
  | { readonly kind: 'vergelijk'; readonly planId: string; readonly van: VersionPathRef; readonly met: VersionPathRef }
  | { readonly kind: 'notFound' };

/** A version's number in a path, or `nu` for the live plan. */
export type VersionPathRef = number | 'nu';

/** Reads a path into a route. Example: `parseRoute('/plan/p1')` → `{ kind: 'plan', planId: 'p1' }`. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { kind: 'home' };
  if (path === '/uitnodiging') return { kind: 'invitation' };
  if (path === NIEUW_PLAN_PATH) return { kind: 'nieuwPlan' };
  const match = /^\/plan\/([^/]+)$/.exec(path);
  if (match?.[1] && isSafeId(match[1])) return { kind: 'plan', planId: match[1] };
  return parseVersionRoute(path) ?? { kind: 'notFound' };
}

/** The version pages (issue #8): the list, one version, and a comparison of two states. */
function parseVersionRoute(path: string): Route | null {
  const parts = path.split('/').slice(1);
  const planId = parts[1];
  if (parts[0] !== 'plan' || !planId || !isSafeId(planId)) return null;
  if (parts.length === 3 && parts[2] === 'versies') return { kind: 'versies', planId };
  const nummer = parseRef(parts[3]);
  if (parts.length === 4 && parts[2] === 'versies' && typeof nummer === 'number') return { kind: 'versie', planId, nummer };
  const met = parseRef(parts[4]);
  if (parts.length === 5 && parts[2] === 'vergelijk' && nummer !== null && met !== null) return { kind: 'vergelijk', planId, van: nummer, met };
  return null;
}

function parseRef(part: string | undefined): VersionPathRef | null {
  if (part === 'nu') return 'nu';
  return part !== undefined && /^[1-9]\d{0,8}$/.test(part) ? Number(part) : null;
}

/** `/plan/<planId>/versies`. */
export function versionsPath(planId: string): string {
  return `/plan/${planId}/versies`;
}

/** `/plan/<planId>/versies/<n>`. */
export function versionPath(planId: string, nummer: number): string {
  return `/plan/${planId}/versies/${nummer}`;
}

/** `/plan/<planId>/vergelijk/<van>/<met>`. */
export function comparePath(planId: string, van: VersionPathRef, met: VersionPathRef): string {
  return `/plan/${planId}/vergelijk/${van}/${met}`;
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
