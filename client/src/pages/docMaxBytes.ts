import type { PlanView } from '../api/types';
import { FALLBACK_DOC_MAX_BYTES } from '../sync/docSizeWatch';

/**
 * The per-doc size cap the server announced in the plan view (issue #9), read defensively: a server that
 * does not send it, or sends something odd, gets the documented default.
 */
export function docMaxBytes(plan: PlanView): number {
  const value: unknown = plan.limits?.docMaxBytes;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : FALLBACK_DOC_MAX_BYTES;
}
