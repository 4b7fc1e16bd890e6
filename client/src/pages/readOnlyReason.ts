import { translate } from '../../../shared/src/i18n/translate';
import type { Role } from '../../../shared/src/permissions/roles';
import type { PlanView } from '../api/types';

/** Roles that write the common plan only while present in an open teamoverleg (DESIGN.md §5). */
const TEAMOVERLEG_WRITERS: ReadonlySet<Role> = new Set(['ouder', 'jeugdige', 'netwerk']);

/**
 * Why this member may only read the common plan, in short Dutch (issue #6), or null when they may write.
 * Family and netwerk hear that it opens in the teamoverleg; others that they may read it.
 */
export function gezamenlijkReadOnlyReason(plan: PlanView, canWrite: boolean): string | null {
  if (canWrite) return null;
  if (!TEAMOVERLEG_WRITERS.has(plan.me.role)) return translate('readOnly.doc');
  if (!plan.state.teamoverleg.open) return translate('readOnly.teamoverleg');
  return plan.state.present.includes(plan.me.memberId) ? translate('readOnly.doc') : translate('readOnly.notPresent');
}
