import { useEffect, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ApiError, getPlan } from '../api/apiClient';
import type { PlanView } from '../api/types';

/** Loading a plan: still loading, failed with the server's message, or ready. */
export type PlanState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly status: number; readonly message: string }
  | { readonly kind: 'ready'; readonly plan: PlanView };

/** Fetches `GET /api/plans/<planId>` once per plan id. */
export function usePlan(planId: string): PlanState {
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
  return state;
}
