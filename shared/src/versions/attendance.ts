import type { Aanwezigheid, VersionAttendance, VersionMember } from './versionTypes';

/**
 * The attendance of a teamoverleg (issue #8): what the jeugdbeschermer marked, and for everyone not marked,
 * whether they are present now (connected to the plan while it is open). The server records this in a
 * version; the client shows the same list, pre-filled, for the jeugdbeschermer to correct. Pure.
 *
 * @example attendanceOf(members, { m4: 'afgemeld' }, ['m1', 'm2']) // m1, m2 aanwezig; m4 afgemeld; others afwezig
 */
export function attendanceOf(
  members: readonly VersionMember[],
  marks: Readonly<Record<string, Aanwezigheid | string>>,
  present: readonly string[],
): VersionAttendance[] {
  return members.map((m) => ({
    memberId: m.memberId,
    name: m.name,
    role: m.role,
    aanwezigheid: isAanwezigheid(marks[m.memberId]) ? (marks[m.memberId] as Aanwezigheid) : present.includes(m.memberId) ? 'aanwezig' : 'afwezig',
  }));
}

/** True for one of the three marks. */
export function isAanwezigheid(value: unknown): value is Aanwezigheid {
  return value === 'aanwezig' || value === 'afwezig' || value === 'afgemeld';
}
