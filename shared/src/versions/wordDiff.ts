/** One piece of a word-level diff: text both sides share, text only the newer side has, or only the older. */
export interface DiffPart {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/** Words and the whitespace between them, as separate tokens, so a diff never splits a word. */
function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * A word-level diff of two texts (issue #8: prose changes inline, insertions and deletions marked).
 * Myers' O((N+M)·D) algorithm on word tokens after trimming the common start and end, so a small change in
 * a long text stays cheap. Adjacent parts of the same kind are merged.
 *
 * @example wordDiff('de kinderen slapen thuis', 'de kinderen slapen bij oma')
 * // [{ op: 'equal', text: 'de kinderen slapen ' }, { op: 'delete', text: 'thuis' }, { op: 'insert', text: 'bij oma' }]
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start));
  for (const part of myers(a.slice(start, a.length - end), b.slice(start, b.length - end))) push(parts, part.op, [part.text]);
  push(parts, 'equal', a.slice(a.length - end));
  return parts;
}

/** True when a diff holds any insertion or deletion. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.op !== 'equal');
}

function push(parts: DiffPart[], op: DiffPart['op'], tokens: readonly string[]): void {
  const text = tokens.join('');
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.op === op) parts[parts.length - 1] = { op, text: last.text + text };
  else parts.push({ op, text });
}

/** The edit script from `a` to `b`, token by token, by Myers' greedy algorithm with a trace for backtracking. */
function myers(a: readonly string[], b: readonly string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ op: 'insert', text }));
  if (m === 0) return a.map((text) => ({ op: 'delete', text }));
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
      let x = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d, offset);
    }
    v = next;
  }
  throw new Error('unreachable: a diff is found within n + m steps');
}

function backtrack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[], dEnd: number, offset: number): DiffPart[] {
  const out: DiffPart[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const prev = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (prev[offset + k - 1] as number) < (prev[offset + k + 1] as number));
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK] as number;
    const prevY = prevX - prevK;
    for (; x > prevX && y > prevY; y--) out.push({ op: 'equal', text: a[--x] as string });
    if (down) out.push({ op: 'insert', text: b[--y] as string });
    else out.push({ op: 'delete', text: a[--x] as string });
  }
  for (; x > 0 && y > 0; y--) out.push({ op: 'equal', text: a[--x] as string });
  return out.reverse();
}
