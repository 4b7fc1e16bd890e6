import { DEFAULT_TIME_ZONE } from '../schema/overdue';

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const INSTANT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: DEFAULT_TIME_ZONE });

/** A calendar day `YYYY-MM-DD` in Dutch words. Example: `formatDay('2026-11-05')` → `5 november 2026`. */
export function formatDay(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : DAY.format(ms);
}

/** The Dutch day of an ISO instant (attribution times), as the plan's families live it: in Amsterdam. */
export function formatInstantDay(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : INSTANT.format(ms);
}
