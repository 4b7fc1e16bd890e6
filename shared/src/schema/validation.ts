import type { MessageKey } from '../i18n/nl';
import type { BlockKey } from './blockCatalog';
import type { Doel } from './blocks/doelenActies';
import type { ScoreRonde } from './blocks/eigen';
import { heeftGevaarszin, heeftVeiligheidsdoel, type Gevaarszin } from './blocks/gevaarszinnen';

/** DESIGN.md §1: at most 5 goals, acute safety first. */
export const MAX_ACTIEVE_DOELEN = 5;
/** Issue #5: more than 3 gevaarszinnen loses focus. */
export const MAX_GEVAARSZINNEN = 3;

/**
 * The warnings of the plan, each with a stable code (for tests, exports and the pre-freeze check) and the
 * i18n key of its Dutch text. Warnings never block an edit (issue #5); a freeze shows them first.
 */
export const WARNINGS = {
  teVeelActieveDoelen: { code: 'doelen.te-veel-actief', messageKey: 'warning.teVeelActieveDoelen' },
  teVeelGevaarszinnen: { code: 'gevaarszinnen.te-veel', messageKey: 'warning.teVeelGevaarszinnen' },
  gevaarszinZonderVeiligheidsdoel: { code: 'gevaarszin.zonder-veiligheidsdoel', messageKey: 'warning.gevaarszinZonderVeiligheidsdoel' },
  actieZonderEigenaar: { code: 'actie.zonder-eigenaar', messageKey: 'warning.actieZonderEigenaar' },
  actieZonderDatum: { code: 'actie.zonder-datum', messageKey: 'warning.actieZonderDatum' },
  scoreZonderReden: { code: 'score.zonder-reden', messageKey: 'warning.scoreZonderReden' },
} as const satisfies Record<string, { code: string; messageKey: MessageKey }>;

export type WarningCode = (typeof WARNINGS)[keyof typeof WARNINGS]['code'];

/** Where a warning points, so the UI can show it beside the block or item. */
export type WarningTarget =
  | { readonly kind: 'blok'; readonly blok: BlockKey }
  | { readonly kind: 'gevaarszin'; readonly id: string }
  | { readonly kind: 'actie'; readonly doelId: string; readonly actieId: string }
  | { readonly kind: 'score'; readonly memberId: string; readonly rondeId: string };

/** One warning. `params` fill the placeholders of the message (`{count}`, `{max}`). */
export interface Warning {
  readonly code: WarningCode;
  readonly messageKey: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly target: WarningTarget;
}

/** What the checks read: the goals and gevaarszinnen of `gezamenlijk`, and each member's score rounds. */
export interface PlanForValidation {
  readonly doelen: readonly Doel[];
  readonly gevaarszinnen: readonly Gevaarszin[];
  readonly scores?: readonly { readonly memberId: string; readonly scores: readonly ScoreRonde[] }[];
}

/**
 * All warnings of a plan, in block order.
 *
 * @example planWarnings({ doelen: doelen.read(doc), gevaarszinnen: gevaarszinnen.read(doc) }).map((w) => translate(w.messageKey, w.params))
 */
export function planWarnings(plan: PlanForValidation): Warning[] {
  return [...gevaarszinWarnings(plan.gevaarszinnen), ...doelWarnings(plan.doelen), ...scoreWarnings(plan.scores ?? [])];
}

function warning(kind: keyof typeof WARNINGS, target: WarningTarget, params: Record<string, string | number> = {}): Warning {
  const { code, messageKey } = WARNINGS[kind];
  return { code, messageKey, params, target };
}

function gevaarszinWarnings(pairs: readonly Gevaarszin[]): Warning[] {
  const out: Warning[] = [];
  if (pairs.length > MAX_GEVAARSZINNEN) {
    out.push(warning('teVeelGevaarszinnen', { kind: 'blok', blok: 'gevaarszinnen' }, { count: pairs.length, max: MAX_GEVAARSZINNEN }));
  }
  for (const pair of pairs) {
    if (heeftGevaarszin(pair) && !heeftVeiligheidsdoel(pair)) {
      out.push(warning('gevaarszinZonderVeiligheidsdoel', { kind: 'gevaarszin', id: pair.id }));
    }
  }
  return out;
}

function doelWarnings(doelen: readonly Doel[]): Warning[] {
  const out: Warning[] = [];
  const actief = doelen.filter((d) => d.status.kind === 'actief').length;
  if (actief > MAX_ACTIEVE_DOELEN) {
    out.push(warning('teVeelActieveDoelen', { kind: 'blok', blok: 'doelen' }, { count: actief, max: MAX_ACTIEVE_DOELEN }));
  }
  for (const doel of doelen) {
    // Actions of a goal that is declined or lapsed are history; done or lapsed actions need nothing more.
    if (doel.status.kind === 'afgewezen' || doel.status.kind === 'vervallen') continue;
    for (const actie of doel.acties) {
      if (actie.status.kind === 'gedaan' || actie.status.kind === 'vervallen') continue;
      const target = { kind: 'actie', doelId: doel.id, actieId: actie.id } as const;
      const zonderEigenaar = actie.wie === null || (actie.wie.kind === 'netwerk' && actie.wie.naam.trim() === '');
      if (zonderEigenaar) out.push(warning('actieZonderEigenaar', target));
      const zonderDatum = actie.wanneer === null || (actie.wanneer.kind === 'herhaling' && actie.wanneer.tekst.trim() === '');
      if (zonderDatum) out.push(warning('actieZonderDatum', target));
    }
  }
  return out;
}

function scoreWarnings(members: readonly { memberId: string; scores: readonly ScoreRonde[] }[]): Warning[] {
  return members.flatMap(({ memberId, scores }) =>
    scores
      .filter((r) => r.score !== null && r.reden.trim() === '')
      .map((r) => warning('scoreZonderReden', { kind: 'score', memberId, rondeId: r.id })),
  );
}
