import type * as Y from 'yjs';
import type { MessageKey } from '../../i18n/nl';
import { dateField, enumField, enumInput, valueField, withInput } from '../fields';
import { isString, nullable, oneOf } from '../guards';
import { proseV2 } from '../proseV2';
import { rootRecord } from '../records';
import { v2Root } from '../rootsV2';

/**
 * The legal frame of the plan (issue #5, block 1). Key-safe values; the Dutch words come from i18n:
 * vrijwillig, drang, ondertoezichtstelling (`ots`), voorlopige OTS, voogdij, BB plus tijdens raadsonderzoek.
 */
export const KADERS = ['vrijwillig', 'drang', 'ots', 'voorlopige-ots', 'voogdij', 'bb-plus'] as const;
export type Kader = (typeof KADERS)[number];

/** The plan's status: concept → vastgesteld → afgesloten. */
export const PLAN_STATUSES = ['concept', 'vastgesteld', 'afgesloten'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The i18n key of a kader's Dutch name. */
export function kaderLabelKey(kader: Kader): MessageKey {
  return `kader.${kader}` as const;
}

/** The i18n key of a plan status. */
export function planStatusLabelKey(status: PlanStatus): MessageKey {
  return `planStatus.${status}` as const;
}

/**
 * Plankop: kader, maatregel start and end, regio, casusregisseur, status, next teamoverleg. The aanleiding
 * is prose: `aanleiding(doc)`.
 *
 * @example plankop.update(doc, author, { kader: 'ots', maatregelStart: '2026-03-01' })
 */
export const plankop = rootRecord(v2Root('gezamenlijk', 'plankop'), {
  kader: withInput(valueField('field.plankop.kader', nullable(oneOf(KADERS)), null), enumInput(KADERS, kaderLabelKey, true)),
  maatregelStart: dateField('field.plankop.maatregelStart'),
  maatregelEind: dateField('field.plankop.maatregelEind'),
  regio: withInput(valueField('field.plankop.regio', isString, ''), { kind: 'line' }),
  casusregisseur: withInput(valueField('field.plankop.casusregisseur', isString, ''), { kind: 'line' }),
  status: enumField('field.plankop.status', PLAN_STATUSES, 'concept', planStatusLabelKey),
  volgendTeamoverleg: dateField('field.plankop.volgendTeamoverleg'),
});

/** The plankop as read. */
export type Plankop = ReturnType<typeof plankop.read>;

/** The aanleiding (why there is a plan): prose for a Tiptap editor. */
export function aanleiding(doc: Y.Doc): Y.XmlFragment {
  return proseV2(doc, 'gezamenlijk', 'aanleiding');
}
