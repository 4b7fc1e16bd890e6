import { translate } from '../../../shared/src/i18n/translate';
import { actieRijen, filterActies, mineFirst, ownerKey, type ActieFilter, type ActieRij } from '../../../shared/src/schema/actiesView';
import type { Doel } from '../../../shared/src/schema/blocks/doelenActies';
import { wieLabel, type MemberOption, type Option } from '../fields/formOptions';

/** The filter the member picked in the Acties view; `eigenaar` goes with an owner key. */
export type FilterChoice = 'alle' | 'mijn' | 'teLaat' | 'eigenaar';

/** The filter of `actiesView.ts` for a choice. */
export function toActieFilter(choice: FilterChoice, memberId: string, eigenaar: string): ActieFilter {
  switch (choice) {
    case 'alle':
      return { kind: 'alle' };
    case 'mijn':
      return { kind: 'mijn', memberId };
    case 'teLaat':
      return { kind: 'teLaat' };
    case 'eigenaar':
      return { kind: 'eigenaar', eigenaar };
    default: {
      const never: never = choice;
      return never;
    }
  }
}

/**
 * The rows the Acties view shows: every action of every goal with "te laat" computed for `now` (never
 * stored), filtered, and the member's own actions first (issue #5).
 */
export function actiesOverview(doelen: readonly Doel[], now: Date, filter: ActieFilter, memberId: string): { rows: ActieRij[]; total: number } {
  const all = actieRijen(doelen, now);
  return { rows: mineFirst(filterActies(all, filter), memberId), total: all.length };
}

/** Every owner that has an action, as options for "Per persoon" (by name; "Nog niemand" last). */
export function ownerOptions(doelen: readonly Doel[], leden: readonly MemberOption[]): Option[] {
  const seen = new Map<string, string>();
  for (const doel of doelen) for (const actie of doel.acties) seen.set(ownerKey(actie.wie), wieLabel(actie.wie, leden));
  const none = seen.get('niemand');
  seen.delete('niemand');
  const options = [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return none === undefined ? options : [...options, { value: 'niemand', label: translate('wie.niemand') }];
}
