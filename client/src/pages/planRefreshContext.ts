import { createContext, useContext } from 'react';

/** Fetches the plan view again, so parts whose rights changed show that (issue #6). */
export const PlanRefreshContext = createContext<() => void>(() => undefined);

/** The plan page's refresh; a no-op outside a plan page. */
export function usePlanRefresh(): () => void {
  return useContext(PlanRefreshContext);
}
