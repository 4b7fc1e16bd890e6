import type { PlanView, SessionInfo } from '../api/types';
import { deleteDatabase, openKeyValueDb, requestResult } from './idb';
import { START_DB_NAME } from './localDbNames';

/**
 * The last `GET /api/session` and `GET /api/plans/<planId>` answers, kept on the device so that the app can
 * start without a network after it was opened once online (issue #9). Only what the member was allowed to
 * see; removed on sign-out, and a plan view the server no longer gives is forgotten.
 */
const STORE = 'responses';
const SESSION_KEY = 'session';
const planKey = (planId: string) => `plan/${planId}`;

async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openKeyValueDb(START_DB_NAME, STORE);
  try {
    return await requestResult(use(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}

/** Keeping a copy is a convenience: when the device refuses, the app simply cannot start offline. */
function quietly<T>(work: Promise<T>, fallback: T): Promise<T> {
  return work.catch(() => fallback);
}

export function rememberSession(session: SessionInfo): Promise<void> {
  const { planId, memberId, role } = session;
  return quietly(withStore('readwrite', (s) => s.put({ planId, memberId, role }, SESSION_KEY)).then(() => undefined), undefined);
}

export async function recallSession(): Promise<SessionInfo | null> {
  const value: unknown = await quietly(withStore('readonly', (s) => s.get(SESSION_KEY)), null);
  return isSession(value) ? value : null;
}

export function rememberPlanView(plan: PlanView): Promise<void> {
  return quietly(withStore('readwrite', (s) => s.put(plan, planKey(plan.planId))).then(() => undefined), undefined);
}

export async function recallPlanView(planId: string): Promise<PlanView | null> {
  const value: unknown = await quietly(withStore('readonly', (s) => s.get(planKey(planId))), null);
  return isPlanView(value, planId) ? value : null;
}

export function forgetPlanView(planId: string): Promise<void> {
  return quietly(withStore('readwrite', (s) => s.delete(planKey(planId))).then(() => undefined), undefined);
}

/** Removes the kept session and every kept plan view. */
export function forgetStartData(): Promise<void> {
  return quietly(deleteDatabase(START_DB_NAME), undefined);
}

function isSession(value: unknown): value is SessionInfo {
  const v = value as Partial<SessionInfo> | null;
  return typeof v === 'object' && v !== null && typeof v.planId === 'string' && typeof v.memberId === 'string' && typeof v.role === 'string';
}

function isPlanView(value: unknown, planId: string): value is PlanView {
  const v = value as Partial<PlanView> | null;
  return (
    typeof v === 'object' && v !== null && v.planId === planId && typeof v.me?.memberId === 'string' && Array.isArray(v.members) && Array.isArray(v.docs)
  );
}
