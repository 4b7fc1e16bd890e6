import type { DemoInvitation } from '../../server/src/seed/seedDemoPlan';

export interface SignedIn {
  planId: string;
  memberId: string;
  role: string;
  /** The Cookie header to send. */
  cookie: string;
}

/** Accepts an invitation over HTTP, as a browser would, and returns the session cookie. */
export async function acceptInvitation(base: string, token: string): Promise<SignedIn> {
  const res = await fetch(`${base}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: '{}',
  });
  if (res.status !== 200) throw new Error(`accept: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Omit<SignedIn, 'cookie'>;
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { ...body, cookie };
}

/** Signs in as the demo member with this role. */
export async function signInAs(base: string, invitations: DemoInvitation[], role: string): Promise<SignedIn> {
  const invitation = invitations.find((i) => i.role === role);
  if (!invitation) throw new Error(`no demo invitation for ${role}`);
  return acceptInvitation(base, invitation.token);
}
