import type * as Y from 'yjs';
import { dateField, idsField, textField, valueField, withInput, type Item } from '../fields';
import { intIn, isNonEmptyString, isRecord, nullable, type Guard } from '../guards';
import { rootList } from '../lists';
import { proseV2 } from '../proseV2';
import { v2Root } from '../rootsV2';
import { krachtSpec, zorgSpec } from './zorgenKrachten';

/**
 * The blocks of a member's own doc `eigen-<memberId>` (issue #5). Only its owner writes it (and the
 * jeugdbeschermer for a child under 12, with `Author.namens` set), so nobody changes another person's score.
 */

/** A safety score: 0–10, or "ik geef geen cijfer". Either way a reason belongs with it. */
export type Score = { readonly kind: 'cijfer'; readonly cijfer: number } | { readonly kind: 'geenCijfer' };

export const isScore: Guard<Score> = (v): v is Score =>
  isRecord(v) && ((v.kind === 'cijfer' && intIn(0, 10)(v.cijfer)) || v.kind === 'geenCijfer');

/** What a dispute is about: a worry or a timeline entry of `gezamenlijk`, by id. */
export type BetwistDoel = { readonly kind: 'zorg'; readonly id: string } | { readonly kind: 'tijdlijn'; readonly id: string };

export const isBetwistDoel: Guard<BetwistDoel> = (v): v is BetwistDoel =>
  isRecord(v) && (v.kind === 'zorg' || v.kind === 'tijdlijn') && isNonEmptyString(v.id);

/** "Zo zie ik het": the member's own view, prose for a Tiptap editor. */
export function zoZieIkHet(doc: Y.Doc): Y.XmlFragment {
  return proseV2(doc, 'eigen', 'zoZieIkHet');
}

/**
 * Own goals: proposals that appear in Doelen en acties as *voorgesteld*, marked with the proposer, until
 * the jeugdbeschermer adopts or declines them (`adoptProposal`, `declineProposal`).
 */
export const eigenDoelen = rootList(v2Root('eigen', 'eigenDoelen'), {
  titel: textField('field.eigenDoel.titel'),
  uitkomst: textField('field.eigenDoel.uitkomst'),
  kinderen: withInput(idsField('field.eigenDoel.kinderen'), { kind: 'refs', to: 'persoon' }),
});
export type EigenDoel = Item<typeof eigenDoelen.spec>;

/** Own worries, shown in the Zorgen list with attribution. */
export const eigenZorgen = rootList(v2Root('eigen', 'eigenZorgen'), zorgSpec);

/** Own strengths, shown in Wat gaat goed with attribution. */
export const eigenKrachten = rootList(v2Root('eigen', 'eigenKrachten'), krachtSpec);

/**
 * Disputes: a reaction on one worry or timeline entry, shown beside it and never deleted by others
 * (DESIGN.md §1) — it lives in the disputer's own doc.
 *
 * @example betwistingen.add(doc, author, { over: { kind: 'zorg', id: zorgId }, reactie: 'Dit klopt niet: …' })
 */
export const betwistingen = rootList(v2Root('eigen', 'betwistingen'), {
  over: withInput(
    valueField('field.betwisting.over', nullable(isBetwistDoel), null, (v, resolve) => (v === null ? null : { kind: v.kind, id: resolve(v.id) })),
    { kind: 'betwistDoel' },
  ),
  reactie: textField('field.betwisting.reactie'),
});
export type Betwisting = Item<typeof betwistingen.spec>;

/**
 * Score rounds: one item per round, dated, with the score and the reason.
 *
 * @example scores.add(doc, author, { datum: '2026-11-20', score: { kind: 'cijfer', cijfer: 6 }, reden: 'Rustiger avonden' })
 */
export const scores = rootList(v2Root('eigen', 'scores'), {
  datum: dateField('field.score.datum'),
  score: withInput(valueField('field.score.score', nullable(isScore), null), { kind: 'score' }),
  reden: textField('field.score.reden'),
});
export type ScoreRonde = Item<typeof scores.spec>;
