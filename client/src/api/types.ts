import type { AgeBand, Role } from '../../../shared/src/permissions/roles';

/** `GET /api/session` and `POST /api/invitations/<token>/accept`. */
export interface SessionInfo {
  readonly planId: string;
  readonly memberId: string;
  readonly role: Role;
}

/** A member as `GET /api/plans/<planId>` lists it. */
export interface PlanMember {
  readonly memberId: string;
  readonly role: Role;
  readonly name: string;
  readonly color: string;
}

/** The signed-in member, with what the rights function needs. */
export interface PlanMe extends PlanMember {
  readonly ageBand?: AgeBand;
}

/** One doc the member may read. */
export interface PlanDoc {
  readonly docName: string;
  readonly access: 'read' | 'write';
}

/** `GET /api/plans/<planId>`. */
export interface PlanView {
  readonly planId: string;
  readonly titel: string;
  readonly me: PlanMe;
  readonly members: readonly PlanMember[];
  readonly docs: readonly PlanDoc[];
}
