import type { SignedIn } from './signIn';

/**
 * A plan's HTTP API as one signed-in member calls it, with the cookie and a same-origin `Origin`.
 *
 * @example const api = planApi(server.base, jb); const res = await api('POST', '/versies', { label: 'Teamoverleg 1' });
 */
export function planApi(base: string, who: SignedIn): (method: string, path: string, body?: unknown) => Promise<Response> {
  return (method, path, body) =>
    fetch(`${base}/api/plans/${who.planId}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: base, cookie: who.cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}
