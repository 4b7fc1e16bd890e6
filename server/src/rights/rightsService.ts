import { docAccess, type Access } from '../../../shared/src/permissions/docAccess';
import type { MemberRights, PlanRights } from '../../../shared/src/permissions/member';
import { CloseCode } from '../../../shared/src/protocol/closeCodes';
import type { Logger } from '../log';
import type { MetaStore } from '../storage/Store';
import type { PlanConnections } from '../sync/planConnections';
import { planRightsOf } from './planRights';

/**
 * Rights of members in plans as they are now: the shared `docAccess` over the stored plan state and who is
 * connected. When the state changes, `reevaluate` closes every socket whose access changed, at once (issue #6:
 * within 5 s): 4409 when the member keeps some access and should reconnect, 4403 when none is left, 4401 when
 * the member was revoked.
 */
export class RightsService {
  constructor(
    private readonly meta: MetaStore,
    private readonly connections: PlanConnections,
    private readonly log: Logger,
  ) {}

  /** The plan's rights state; `connecting` counts as connected (a socket being admitted now). */
  rights(planId: string, connecting?: string): PlanRights | undefined {
    const plan = this.meta.getPlan(planId);
    if (!plan) return undefined;
    const connected = this.connections.connectedMembers(planId);
    if (connecting !== undefined) connected.add(connecting);
    return planRightsOf(plan, this.meta.listMembers(planId), connected);
  }

  access(member: MemberRights & { planId: string }, docName: string, connecting?: string): Access {
    const rights = this.rights(member.planId, connecting);
    return rights ? docAccess(member, docName, rights) : 'none';
  }

  /** Closes the sockets of a plan whose access no longer matches what they were admitted with. */
  reevaluate(planId: string): void {
    const rights = this.rights(planId);
    for (const socket of this.connections.sockets(planId)) {
      const member = this.meta.getMember(socket.memberId);
      if (!member || member.revokedAt || !rights) {
        this.closeFor(socket, planId, CloseCode.notSignedIn, 'revoked');
        continue;
      }
      const now = docAccess(member, socket.docName, rights);
      if (now === 'none') this.closeFor(socket, planId, CloseCode.noAccess, 'no_access');
      else if (now !== socket.access) this.closeFor(socket, planId, CloseCode.accessChanged, 'access_changed');
    }
  }

  private closeFor(socket: Parameters<PlanConnections['add']>[1], planId: string, code: number, reason: string): void {
    this.log.info('socket.rights_changed', { planId, docName: socket.docName, memberId: socket.memberId, code });
    this.connections.remove(planId, socket);
    socket.close(code, reason);
  }
}
