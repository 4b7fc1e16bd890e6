import type { Actie, Doel, Wie } from './blocks/doelenActies';
import { DEFAULT_TIME_ZONE, isOverdue } from './overdue';

/** One row of the Acties view: an action, its goal, and whether it is late now. */
export interface ActieRij {
  readonly doel: Pick<Doel, 'id' | 'titel' | 'prioriteit'>;
  readonly actie: Actie;
  readonly teLaat: boolean;
}

/** The filters of the Acties view (issue #5). */
export type ActieFilter =
  | { readonly kind: 'alle' }
  | { readonly kind: 'mijn'; readonly memberId: string }
  | { readonly kind: 'teLaat' }
  | { readonly kind: 'eigenaar'; readonly eigenaar: string };

/**
 * A stable key per owner, to group or filter by: `lid:<memberId>`, `netwerk:<naam>`, or `niemand`.
 *
 * @example ownerKey({ kind: 'netwerk', naam: 'Fatima' }) // 'netwerk:Fatima'
 */
export function ownerKey(wie: Wie | null): string {
  if (wie === null) return 'niemand';
  return wie.kind === 'lid' ? `lid:${wie.memberId}` : `netwerk:${wie.naam.trim()}`;
}

/** Every action of every goal, in goal order, with "te laat" computed for `now`. */
export function actieRijen(doelen: readonly Doel[], now: Date, timeZone: string = DEFAULT_TIME_ZONE): ActieRij[] {
  return doelen.flatMap((doel) =>
    doel.acties.map((actie) => ({
      doel: { id: doel.id, titel: doel.titel, prioriteit: doel.prioriteit },
      actie,
      teLaat: isOverdue(actie, now, timeZone),
    })),
  );
}

/** The rows a filter keeps. */
export function filterActies(rows: readonly ActieRij[], filter: ActieFilter): ActieRij[] {
  switch (filter.kind) {
    case 'alle':
      return [...rows];
    case 'mijn':
      return rows.filter((r) => r.actie.wie?.kind === 'lid' && r.actie.wie.memberId === filter.memberId);
    case 'teLaat':
      return rows.filter((r) => r.teLaat);
    case 'eigenaar':
      return rows.filter((r) => ownerKey(r.actie.wie) === filter.eigenaar);
    default: {
      const never: never = filter;
      return never;
    }
  }
}

/** An owner sees their own actions first (issue #5); the order within each group stays. */
export function mineFirst(rows: readonly ActieRij[], memberId: string): ActieRij[] {
  const mine = (r: ActieRij) => r.actie.wie?.kind === 'lid' && r.actie.wie.memberId === memberId;
  return [...rows.filter(mine), ...rows.filter((r) => !mine(r))];
}
