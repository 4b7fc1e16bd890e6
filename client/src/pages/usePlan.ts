import { useEffect, useMemo, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ApiError, getPlan, isNetworkError } from '../api/apiClient';
import { latestFetch } from '../api/latestFetch';
import type { PlanView } from '../api/types';
import { forgetPlanView, recallPlanView, rememberPlanView } from '../offline/startCache';

/** Loading a plan: still loading, failed with the server's message, or ready (from the server or the device). */
export type PlanState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly status: number; readonly message: string }
  | { readonly kind: 'ready'; readonly plan: PlanView; readonly fromDevice: boolean };

/** Answers after which the server will not show this plan to this member again: the kept view goes. */
const GONE = new Set([401, 403, 404]);

/**
 * Fetches `GET /api/plans/<planId>` once per plan id and keeps the answer on the device; without a network
 * the kept view is used, so the plan opens offline (issue #9). `refresh` fetches it again in place (after an
 * action, a 4409 close, a doc's socket (re)connecting, or coming back online) without going back to
 * "loading", so the open docs stay connected; calls that come while a fetch runs share one more fetch.
 */
export function usePlan(planId: string): { state: PlanState; refresh: () => void } {
  const [state, setState] = useState<PlanState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    fetchPlan(planId)
      .then((plan) => !cancelled && setState({ kind: 'ready', plan, fromDevice: false }))
      .catch(async (error: unknown) => {
        const kept = isNetworkError(error) ? await recallPlanView(planId) : null;
        if (cancelled) return;
        if (kept) setState({ kind: 'ready', plan: kept, fromDevice: true });
        else if (error instanceof ApiError) setState({ kind: 'failed', status: error.status, message: error.message });
        else setState({ kind: 'failed', status: 0, message: translate('error.server') });
      });
    return () => {
      cancelled = true;
    };
  }, [planId]);
  const refresh = useMemo(
    () =>
      // A failed refresh keeps the last view: the sockets already tell the member what went wrong.
      latestFetch(() =>
        fetchPlan(planId).then((plan) => setState((prev) => (prev.kind === 'ready' ? { kind: 'ready', plan, fromDevice: false } : prev))),
      ),
    [planId],
  );
  // Back online: the rights may have changed meanwhile (a teamoverleg closed), and a kept view is replaced.
  useEffect(() => {
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [refresh]);
  return { state, refresh };
}

/** The plan view from the server, kept on the device when it comes, forgotten when the server refuses it. */
async function fetchPlan(planId: string): Promise<PlanView> {
  try {
    const plan = await getPlan(planId);
    void rememberPlanView(plan);
    return plan;
  } catch (error) {
    if (error instanceof ApiError && GONE.has(error.status)) void forgetPlanView(planId);
    throw error;
  }
}
