import { useCallback, useEffect, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ApiError, getPlan } from '../api/apiClient';
import type { PlanView } from '../api/types';

/** Loading a plan: still loading, failed with the server's message, or ready. */
export type PlanState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly status: number; readonly message: string }
  | { readonly kind: 'ready'; readonly plan: PlanView };

/**
 * Fetches `GET /api/plans/<planId>` once per plan id; `refresh` fetches it again in place (after an action,
 * or a 4409 close) without going back to "loading", so the open docs stay connected.
 */
export function usePlan(planId: string): { state: PlanState; refresh: () => void } {
  const [state, setState] = useState<PlanState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    getPlan(planId)
      .then((plan) => !cancelled && setState({ kind: 'ready', plan }))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError) setState({ kind: 'failed', status: error.status, message: error.message });
        else setState({ kind: 'failed', status: 0, message: translate('error.server') });
      });
    return () => {
      cancelled = true;
    };
  }, [planId]);
  const refresh = useCallback(() => {
    // A failed refresh keeps the last view: the sockets already tell the member what went wrong.
    getPlan(planId)
      .then((plan) => setState((prev) => (prev.kind === 'ready' ? { kind: 'ready', plan } : prev)))
      .catch(() => undefined);
  }, [planId]);
  return { state, refresh };
}
