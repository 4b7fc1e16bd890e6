/** One socket on one doc of a plan, as the rights need to see it. */
export interface LiveSocket {
  readonly memberId: string;
  readonly docName: string;
  readonly access: 'read' | 'write';
  close(code: number, reason: string): void;
}

/** The open sockets per plan: who is connected (presence in a teamoverleg), and whom to close when rights change. */
export class PlanConnections {
  private readonly byPlan = new Map<string, Set<LiveSocket>>();

  add(planId: string, socket: LiveSocket): void {
    let set = this.byPlan.get(planId);
    if (!set) this.byPlan.set(planId, (set = new Set()));
    set.add(socket);
  }

  remove(planId: string, socket: LiveSocket): void {
    const set = this.byPlan.get(planId);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) this.byPlan.delete(planId);
  }

  sockets(planId: string): LiveSocket[] {
    return [...(this.byPlan.get(planId) ?? [])];
  }

  connectedMembers(planId: string): Set<string> {
    return new Set(this.sockets(planId).map((s) => s.memberId));
  }
}
