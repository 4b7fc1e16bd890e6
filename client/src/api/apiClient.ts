import { translate } from '../../../shared/src/i18n/translate';
import type { AuditView, CreatedPlan, PlanView, SessionInfo, TemplateSummary } from './types';
import type { AgeBand, Role } from '../../../shared/src/permissions/roles';
import type { CommentChannel } from '../../../shared/src/comments/channel';
import type { AnchorInput } from '../../../shared/src/comments/threadAnchor';
import type { ThreadStatus } from '../../../shared/src/schema/blocks/opmerkingen';

/** An HTTP answer that was not 2xx, with the server's Dutch message (DESIGN.md §7) to show as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // Every non-GET must say JSON; the server refuses other content types (CSRF guard).
      headers: method === 'GET' || method === 'DELETE' ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'network', translate('error.network'));
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFrom(response.status, data);
  return data as T;
}

/** True when the request never reached the server (no network): `ApiError` with status 0. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

function errorFrom(status: number, data: unknown): ApiError {
  const { error, message } = (typeof data === 'object' && data !== null ? data : {}) as { error?: unknown; message?: unknown };
  const code = typeof error === 'string' ? error : 'server';
  const text = typeof message === 'string' && message.length > 0 ? message : translate('error.server');
  return new ApiError(status, code, text);
}

/** Accepts an invitation; the server sets the session cookie. A used or expired token throws a 410 ApiError. */
export function acceptInvitation(token: string): Promise<SessionInfo> {
  return request('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, {});
}

/** The current session, or null when not signed in. */
export async function getSession(): Promise<SessionInfo | null> {
  try {
    return await request<SessionInfo>('GET', '/api/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The plan as the signed-in member may see it. */
export function getPlan(planId: string): Promise<PlanView> {
  return request('GET', `/api/plans/${encodeURIComponent(planId)}`);
}

/** Ends the session. */
export function logout(): Promise<void> {
  return request('POST', '/api/session/logout', {});
}

/** The templates a new plan can start from. */
export function getTemplates(): Promise<TemplateSummary[]> {
  return request('GET', '/api/templates');
}

/** Makes a new plan from a template (jeugdbeschermer only); opening the returned invitation signs in to it. */
export function createPlan(templateId: string, titel: string): Promise<CreatedPlan> {
  return request('POST', '/api/plans', { templateId, titel });
}

const planPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;
const seg = encodeURIComponent;

/** Opens or closes the teamoverleg (jeugdbeschermer). */
export function setTeamoverleg(planId: string, open: boolean): Promise<unknown> {
  return request('POST', `${planPath(planId)}/teamoverleg`, { open });
}

/** Sets the status of an action (its owner, or the jeugdbeschermer); the server writes it in the plan. */
export function setActieStatus(planId: string, actieId: string, doelId: string, status: { kind: string; op?: string }): Promise<void> {
  return request('POST', `${planPath(planId)}/acties/${seg(actieId)}/status`, { doelId, status });
}

/** Adopts a proposed goal into Doelen en acties (jeugdbeschermer). */
export function adoptVoorstel(planId: string, memberId: string, doelId: string): Promise<unknown> {
  return request('POST', `${planPath(planId)}/voorstellen/${seg(memberId)}/${seg(doelId)}/overnemen`, {});
}

/** Declines a proposed goal with a reason the proposer sees (jeugdbeschermer). */
export function declineVoorstel(planId: string, memberId: string, doelId: string, reden: string): Promise<unknown> {
  return request('POST', `${planPath(planId)}/voorstellen/${seg(memberId)}/${seg(doelId)}/afwijzen`, { reden });
}

/** Invites a new member (jeugdbeschermer); the link is shown once to copy. */
export function inviteMember(planId: string, invite: { role: Role; name: string; ageBand?: AgeBand }): Promise<{ token: string; url: string }> {
  return request('POST', `${planPath(planId)}/invitations`, invite);
}

/** Changes a member's role (jeugdbeschermer). */
export function changeRole(planId: string, memberId: string, role: Role, ageBand?: AgeBand): Promise<unknown> {
  return request('PUT', `${planPath(planId)}/members/${seg(memberId)}/rol`, ageBand ? { role, ageBand } : { role });
}

/** Revokes a member's access (jeugdbeschermer). */
export function revokeMember(planId: string, memberId: string): Promise<void> {
  return request('DELETE', `${planPath(planId)}/members/${seg(memberId)}`);
}

/** Grants or withdraws `professioneel` for a hulpverlener or raadsonderzoeker (jeugdbeschermer). */
export function setProfessioneelToegang(planId: string, memberId: string, toegang: boolean): Promise<unknown> {
  return request('PUT', `${planPath(planId)}/toegang/professioneel/${seg(memberId)}`, { toegang });
}

/** Ends the raadsonderzoek (jeugdbeschermer). */
export function closeRaadsonderzoek(planId: string): Promise<unknown> {
  return request('POST', `${planPath(planId)}/raadsonderzoek/sluiten`, {});
}

/** Marks a member present, absent or excused in the open teamoverleg (jeugdbeschermer). */
export function setAanwezigheid(planId: string, memberId: string, aanwezigheid: 'aanwezig' | 'afwezig' | 'afgemeld'): Promise<unknown> {
  return request('PUT', `${planPath(planId)}/teamoverleg/aanwezigheid/${seg(memberId)}`, { aanwezigheid });
}

/** The audit log (jeugdbeschermer) or "wie heeft mijn plan bekeken of gewijzigd" (ouder, jeugdige 12+). */
export function getAudit(planId: string): Promise<AuditView> {
  return request('GET', `${planPath(planId)}/audit`);
}

/** Starts a comment thread (issue #7); the server stamps author and time and answers with the new ids. */
export function startThread(planId: string, kanaal: CommentChannel, anker: AnchorInput, tekst: string): Promise<{ kanaal: CommentChannel; draadId: string; reactieId: string }> {
  return request('POST', `${planPath(planId)}/opmerkingen`, { kanaal, anker, tekst });
}

const threadPath = (planId: string, kanaal: CommentChannel, draadId: string) => `${planPath(planId)}/opmerkingen/${kanaal}/${seg(draadId)}`;

/** Replies in a thread. */
export function replyToThread(planId: string, kanaal: CommentChannel, draadId: string, tekst: string): Promise<{ reactieId: string }> {
  return request('POST', `${threadPath(planId, kanaal, draadId)}/reacties`, { tekst });
}

/** Changes the text of one's own comment. */
export function editComment(planId: string, kanaal: CommentChannel, draadId: string, reactieId: string, tekst: string): Promise<void> {
  return request('PUT', `${threadPath(planId, kanaal, draadId)}/reacties/${seg(reactieId)}`, { tekst });
}

/** Deletes one's own comment; it stays in place as "verwijderd". */
export function deleteComment(planId: string, kanaal: CommentChannel, draadId: string, reactieId: string): Promise<void> {
  return request('DELETE', `${threadPath(planId, kanaal, draadId)}/reacties/${seg(reactieId)}`);
}

/** Resolves or reopens a thread (its starter, or the jeugdbeschermer). */
export function setThreadStatus(planId: string, kanaal: CommentChannel, draadId: string, status: ThreadStatus): Promise<void> {
  return request('PUT', `${threadPath(planId, kanaal, draadId)}/status`, { status });
}

/** Copies an "alleen professionals" thread to everyone. */
export function copyThreadToAll(planId: string, draadId: string): Promise<{ draadId: string }> {
  return request('POST', `${threadPath(planId, 'professionals', draadId)}/kopie`, {});
}
