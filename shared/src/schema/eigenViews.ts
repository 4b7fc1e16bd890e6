import type * as Y from 'yjs';
import type { Role } from '../permissions/roles';
import { doelen, type Doel } from './blocks/doelenActies';
import type { BetwistDoel, Betwisting, EigenDoel, ScoreRonde } from './blocks/eigen';
import type { Author } from './items';

/**
 * Views that combine `gezamenlijk` with the members' own docs (issue #5): proposals among the goals,
 * disputes beside the worry they are about, every party's latest score on the veiligheidskaart, own worries
 * and strengths in the shared lists. Pure functions over read values; the caller reads each doc.
 */

/** A plan member as these views need them. */
export interface MemberRef {
  readonly memberId: string;
  readonly role: Role;
  readonly name: string;
}

/** An own goal not yet adopted or declined: shown in Doelen en acties as *voorgesteld*, with its proposer. */
export interface Voorstel {
  readonly member: MemberRef;
  readonly doel: EigenDoel;
}

/**
 * The own goals that still wait for the jeugdbeschermer: those no goal of `gezamenlijk` links to.
 *
 * @example proposedGoals(doelen.read(gezamenlijk), members.map((m) => ({ member: m, doelen: eigenDoelen.read(eigenDocOf(m)) })))
 */
export function proposedGoals(shared: readonly Doel[], own: readonly { member: MemberRef; doelen: readonly EigenDoel[] }[]): Voorstel[] {
  const handled = new Set(shared.flatMap((d) => (d.voorstel ? [`${d.voorstel.memberId}/${d.voorstel.doelId}`] : [])));
  return own.flatMap(({ member, doelen: mine }) =>
    mine.filter((d) => !handled.has(`${member.memberId}/${d.id}`)).map((doel) => ({ member, doel })),
  );
}

/**
 * Adopts a proposal: a new active goal in `gezamenlijk`, marked with its proposer and linked to the own
 * goal. Applied by the server as a server-mediated action (DESIGN.md §4). Returns the new goal's id.
 */
export function adoptProposal(doc: Y.Doc, author: Author, voorstel: Voorstel): string {
  return doelen.add(doc, author, {
    ...fromProposal(voorstel),
    status: { kind: 'actief' },
  });
}

/** Declines a proposal with a reason the proposer sees: a goal with status `afgewezen` linked to it. */
export function declineProposal(doc: Y.Doc, author: Author, voorstel: Voorstel, reden: string): string {
  return doelen.add(doc, author, { ...fromProposal(voorstel), status: { kind: 'afgewezen', reden } });
}

function fromProposal({ member, doel }: Voorstel) {
  return {
    titel: doel.titel,
    uitkomst: doel.uitkomst,
    kinderen: doel.kinderen,
    voorgesteldDoor: { kind: 'lid', memberId: member.memberId } as const,
    voorstel: { memberId: member.memberId, doelId: doel.id },
  };
}

/** One party's latest score round. */
export interface LatestScore {
  readonly member: MemberRef;
  readonly ronde: ScoreRonde;
}

/**
 * The scale of the veiligheidskaart: every party's latest score round (by date, then by when it was
 * entered); members without a round are left out.
 */
export function latestScores(own: readonly { member: MemberRef; scores: readonly ScoreRonde[] }[]): LatestScore[] {
  return own.flatMap(({ member, scores }) => {
    const sorted = [...scores].sort(
      (a, b) => (a.datum ?? '').localeCompare(b.datum ?? '') || a.created.at.localeCompare(b.created.at),
    );
    const ronde = sorted.at(-1);
    return ronde ? [{ member, ronde }] : [];
  });
}

/** The disputes of one worry or timeline entry, from every member's own doc, to show beside it. */
export function disputesFor(
  target: BetwistDoel,
  own: readonly { member: MemberRef; betwistingen: readonly Betwisting[] }[],
): { member: MemberRef; betwisting: Betwisting }[] {
  return own.flatMap(({ member, betwistingen }) =>
    betwistingen.filter((b) => b.over?.kind === target.kind && b.over.id === target.id).map((betwisting) => ({ member, betwisting })),
  );
}

/** An entry of a shared list with its origin: the shared doc, or a member's own doc. */
export type WithOrigin<T> = { readonly kind: 'gezamenlijk'; readonly item: T } | { readonly kind: 'eigen'; readonly member: MemberRef; readonly item: T };

/** The shared items followed by each member's own items (own worries in Zorgen, own strengths in Wat gaat goed). */
export function withOwnItems<T>(shared: readonly T[], own: readonly { member: MemberRef; items: readonly T[] }[]): WithOrigin<T>[] {
  return [
    ...shared.map((item) => ({ kind: 'gezamenlijk', item }) as const),
    ...own.flatMap(({ member, items }) => items.map((item) => ({ kind: 'eigen', member, item }) as const)),
  ];
}
