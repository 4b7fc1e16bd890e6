import { acceptInvitation, type SignedIn } from './signIn';

/**
 * A JSON request to `/api/plans/<planId><path>` as a signed-in member, from the server's own origin (the CSRF
 * guard refuses others). `body` undefined sends none; a string is sent as it is.
 */
export function callPlanApi(base: string, who: SignedIn, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/plans/${who.planId}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: base, cookie: who.cookie },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/**
 * The same, bound to one member.
 *
 * @example const api = planApi(server.base, jb); const res = await api('POST', '/versies', { label: 'Teamoverleg 1' });
 */
export function planApi(base: string, who: SignedIn): (method: string, path: string, body?: unknown) => Promise<Response> {
  return (method, path, body) => callPlanApi(base, who, method, path, body);
}

/** The jeugdbeschermer invites a new member and the new member accepts at once. */
export async function inviteAndAccept(base: string, jeugdbeschermer: SignedIn, invite: { role: string; name: string; ageBand?: string }): Promise<SignedIn> {
  const res = await callPlanApi(base, jeugdbeschermer, 'POST', '/invitations', invite);
  if (res.status !== 201 && res.status !== 200) throw new Error(`invite: HTTP ${res.status}`);
  return acceptInvitation(base, ((await res.json()) as { token: string }).token);
}
