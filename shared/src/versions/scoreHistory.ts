import type { ScoreRonde } from '../schema/blocks/eigen';
import { latestScores } from '../schema/eigenViews';
import type { FamilieRendering, VersionMember } from './versionTypes';

/** One column of the chart: a version, or the live plan (`nummer` null). */
export interface ScoreColumn {
  readonly nummer: number | null;
  readonly label: string;
}

/** One party's latest score round in each column (null where they had none). */
export interface ScoreSeries {
  readonly member: VersionMember;
  readonly rondes: readonly (ScoreRonde | null)[];
}

/** Scores over time (issue #8): each party's latest safety score per version, and in the live plan. */
export interface ScoreHistory {
  readonly columns: readonly ScoreColumn[];
  readonly series: readonly ScoreSeries[];
}

/**
 * Each party's latest score round in each version, oldest first, then in the live round when given. A
 * party appears when they have a round in any column; their name is the newest one known. Pure.
 *
 * @example scoreHistory([{ nummer: 1, label: 'Versie 1', familie }], { label: 'Nu', familie: live }).series[0]?.rondes
 */
export function scoreHistory(
  versions: readonly { readonly nummer: number; readonly label: string; readonly familie: FamilieRendering }[],
  live?: { readonly label: string; readonly familie: FamilieRendering },
): ScoreHistory {
  const sides = [...[...versions].sort((a, b) => a.nummer - b.nummer).map((v) => ({ nummer: v.nummer as number | null, label: v.label, familie: v.familie })), ...(live ? [{ nummer: null, label: live.label, familie: live.familie }] : [])];
  const members = new Map<string, VersionMember>();
  for (const side of sides) for (const m of side.familie.leden) members.set(m.memberId, m);
  const series = [...members.values()].flatMap((member): ScoreSeries[] => {
    const rondes = sides.map((side) => {
      const scores = side.familie.eigen.find((e) => e.memberId === member.memberId)?.doc.lists.scores ?? [];
      return latestScores([{ member, scores }])[0]?.ronde ?? null;
    });
    return rondes.some((r) => r !== null) ? [{ member, rondes }] : [];
  });
  return { columns: sides.map((s) => ({ nummer: s.nummer, label: s.label })), series };
}
