/**
 * What this member has read of each comment thread (issue #7: the unread count in the plan header), kept in the
 * browser per plan and member. Marks are no plan content and stay on this device: nobody else learns who read what.
 */
export interface ReadMarks {
  /** Per thread id, the latest activity the member had read (an ISO instant). */
  get(): Readonly<Record<string, string>>;
  /** Marks threads read up to the given activity. */
  mark(entries: Readonly<Record<string, string>>): void;
  subscribe(listener: () => void): () => void;
}

/** Marks for one member in one plan, stored in `localStorage` when the browser allows it, else in memory. */
export function createReadMarks(planId: string, memberId: string, storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()): ReadMarks {
  const key = `gezinsplan.gelezen.${planId}.${memberId}`;
  let marks: Readonly<Record<string, string>> = load(storage, key);
  const listeners = new Set<() => void>();
  return {
    get: () => marks,
    mark(entries) {
      const next = { ...marks };
      let changed = false;
      for (const [id, at] of Object.entries(entries)) {
        if ((next[id] ?? '') >= at) continue;
        next[id] = at;
        changed = true;
      }
      if (!changed) return;
      marks = next;
      try {
        storage?.setItem(key, JSON.stringify(marks));
      } catch {
        // A full or blocked storage only loses the marks after a reload.
      }
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function load(storage: Pick<Storage, 'getItem'> | null, key: string): Record<string, string> {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
