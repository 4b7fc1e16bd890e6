import type { Actie } from './blocks/doelenActies';
import type { IsoDate } from './guards';

/** Plans are Dutch: "today" is the calendar day in Amsterdam, whatever the zone of the server or browser. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/**
 * The calendar day of instant `now` in `timeZone`, as `YYYY-MM-DD`.
 *
 * @example todayIn(new Date('2026-03-01T23:30:00Z')) // '2026-03-02' (00:30 in Amsterdam)
 */
export function todayIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * "Te laat" (issue #5): an open or busy action whose due date lies before today. Computed on every read
 * with the caller's `now`, never stored — a stored flag would be stale the next morning. An action due
 * today is not late yet; a recurring action or one without a date is never late.
 *
 * @example isOverdue(actie, new Date()) // true when actie is open and due yesterday
 */
export function isOverdue(actie: Pick<Actie, 'status' | 'wanneer'>, now: Date, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  if (actie.status.kind !== 'open' && actie.status.kind !== 'bezig') return false;
  if (actie.wanneer?.kind !== 'datum') return false;
  return actie.wanneer.datum < todayIn(now, timeZone);
}

/** Days from the due date until today (0 when not overdue); for "3 dagen te laat". */
export function daysOverdue(actie: Pick<Actie, 'status' | 'wanneer'>, now: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  if (!isOverdue(actie, now, timeZone) || actie.wanneer?.kind !== 'datum') return 0;
  const ms = Date.parse(`${todayIn(now, timeZone)}T00:00:00Z`) - Date.parse(`${actie.wanneer.datum}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
