import type { MessageKey } from '../../i18n/nl';
import { isIsoDate, isNonEmptyString, isRecord, isString, nullable, oneOf, type Guard, type IsoDate } from '../guards';

/** The statuses of a goal; `afgewezen` carries the reason the proposer sees (DESIGN.md §4). */
export const DOEL_STATUS_KINDS = ['voorgesteld', 'actief', 'behaald', 'bijgesteld', 'vervallen', 'afgewezen'] as const;
export type DoelStatusKind = (typeof DOEL_STATUS_KINDS)[number];
export type DoelStatus =
  | { readonly kind: Exclude<DoelStatusKind, 'afgewezen'> }
  | { readonly kind: 'afgewezen'; readonly reden: string };

/** The statuses of an action; `gedaan` carries the day it was done. */
export const ACTIE_STATUS_KINDS = ['open', 'bezig', 'gedaan', 'vervallen'] as const;
export type ActieStatusKind = (typeof ACTIE_STATUS_KINDS)[number];
export type ActieStatus =
  | { readonly kind: Exclude<ActieStatusKind, 'gedaan'> }
  | { readonly kind: 'gedaan'; readonly op: IsoDate | null };

/** Who does an action (or proposed a goal): a plan member, or a named network person without an account. */
export type Wie = { readonly kind: 'lid'; readonly memberId: string } | { readonly kind: 'netwerk'; readonly naam: string };

/** When: a due date, or a recurrence in words ("elke avond"). */
export type Wanneer = { readonly kind: 'datum'; readonly datum: IsoDate } | { readonly kind: 'herhaling'; readonly tekst: string };

/** The link of a goal to the own goal (in a member's eigen doc) it was adopted or declined from. */
export interface VoorstelRef {
  readonly memberId: string;
  readonly doelId: string;
}

export const isDoelStatus: Guard<DoelStatus> = (v): v is DoelStatus =>
  isRecord(v) && (v.kind === 'afgewezen' ? isString(v.reden) : oneOf(DOEL_STATUS_KINDS)(v.kind));

export const isActieStatus: Guard<ActieStatus> = (v): v is ActieStatus =>
  isRecord(v) && (v.kind === 'gedaan' ? nullable(isIsoDate)(v.op) : oneOf(ACTIE_STATUS_KINDS)(v.kind));

export const isWie: Guard<Wie> = (v): v is Wie =>
  isRecord(v) && ((v.kind === 'lid' && isNonEmptyString(v.memberId)) || (v.kind === 'netwerk' && isString(v.naam)));

export const isWanneer: Guard<Wanneer> = (v): v is Wanneer =>
  isRecord(v) && ((v.kind === 'datum' && isIsoDate(v.datum)) || (v.kind === 'herhaling' && isString(v.tekst)));

export const isVoorstelRef: Guard<VoorstelRef> = (v): v is VoorstelRef =>
  isRecord(v) && isNonEmptyString(v.memberId) && isNonEmptyString(v.doelId);

/** Templates name members by ref; the doc holds member ids. */
export function mapWieIds(wie: Wie | null, resolve: (ref: string) => string): Wie | null {
  return wie?.kind === 'lid' ? { kind: 'lid', memberId: resolve(wie.memberId) } : wie;
}

/** The i18n key of a goal status. */
export function doelStatusLabelKey(kind: DoelStatusKind): MessageKey {
  return `doelStatus.${kind}` as const;
}

/** The i18n key of an action status. */
export function actieStatusLabelKey(kind: ActieStatusKind): MessageKey {
  return `actieStatus.${kind}` as const;
}
