import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { acties, doelen } from '../../../../shared/src/schema/blocks/doelenActies';
import { scores } from '../../../../shared/src/schema/blocks/eigen';
import { goedGenoeg } from '../../../../shared/src/schema/blocks/goedGenoeg';
import { krachten, zorgen } from '../../../../shared/src/schema/blocks/zorgenKrachten';
import { appendParagraphs } from '../../../../shared/src/schema/proseText';
import { proseV2 } from '../../../../shared/src/schema/proseV2';
import { compareVersions, isUnchanged } from '../../../../shared/src/versions/compareVersions';
import { renderPlan } from '../../../../shared/src/versions/renderPlan';
import type { FamilieRendering } from '../../../../shared/src/versions/versionTypes';
import { lisa, sanne } from '../schema/schemaFixtures';

/**
 * Compare (issue #8): two versions written by hand, and the structured diff expected between them, also
 * written by hand: goals and actions added, removed and changed field by field, a criterion's status, new
 * worries and strengths, a party's score, and prose as a word diff.
 */

const leden = [
  { memberId: sanne.memberId, name: sanne.name, role: sanne.role },
  { memberId: lisa.memberId, name: lisa.name, role: lisa.role },
];

/** Version 1 of the fixture plan, as Y.Docs to change into version 2. */
function version1() {
  const common = new Y.Doc();
  const own = new Y.Doc();
  const ids = { doelA: 'doel-a', doelB: 'doel-b', actie: 'actie-1', criterium: 'crit-1', zorg: 'zorg-1', kracht: 'kracht-1', ronde: 'ronde-1' };
  appendParagraphs(proseV2(common, 'gezamenlijk', 'aanleiding'), ['De kinderen slapen thuis.']);
  doelen.add(common, sanne, { titel: 'De kinderen zijn ’s avonds veilig thuis', prioriteit: 1 }, { id: ids.doelA });
  doelen.add(common, sanne, { titel: 'Noah gaat elke dag naar school' }, { id: ids.doelB });
  acties.add(common, sanne, ids.doelA, { wie: { kind: 'lid', memberId: lisa.memberId }, wat: 'Oma bellen bij ruzie', wanneer: { kind: 'datum', datum: '2026-11-01' } }, { id: ids.actie });
  goedGenoeg.add(common, sanne, { tekst: 'Vier weken geen politie aan de deur', status: 'niet' }, { id: ids.criterium });
  zorgen.add(common, sanne, { tekst: 'Harde ruzie in de avond' }, { id: ids.zorg });
  krachten.add(common, sanne, { tekst: 'Oma woont dichtbij' }, { id: ids.kracht });
  scores.add(own, lisa, { datum: '2026-10-01', score: { kind: 'cijfer', cijfer: 5 }, reden: 'Het is nog spannend' }, { id: ids.ronde });
  return { common, own, ids };
}

function render(common: Y.Doc, own: Y.Doc): FamilieRendering {
  return renderPlan({ leden, gezamenlijk: common, professioneel: new Y.Doc(), eigen: new Map([[lisa.memberId, own]]) }).familie;
}

describe('compareVersions', () => {
  it('[C1] a version compared with itself has no changes', () => {
    const { common, own } = version1();
    const v1 = render(common, own);
    expect(isUnchanged(compareVersions({ familie: v1 }, { familie: v1 }))).toBe(true);
  });

  it('[C2] gives the hand-written diff between two versions', () => {
    const { common, own, ids } = version1();
    const v1 = render(common, own);

    // What happened between the two teamoverleggen:
    const nieuw = 'doel-c';
    common.transact(() => {
      const fragment = proseV2(common, 'gezamenlijk', 'aanleiding');
      fragment.delete(0, fragment.length);
      appendParagraphs(fragment, ['De kinderen slapen bij oma.']);
    });
    acties.update(common, lisa, ids.doelA, ids.actie, { status: { kind: 'gedaan', op: '2026-11-05' }, wanneer: { kind: 'datum', datum: '2026-11-08' } });
    doelen.remove(common, ids.doelB);
    doelen.add(common, sanne, { titel: 'Een vaste bedtijd voor Mila' }, { id: nieuw });
    goedGenoeg.update(common, sanne, ids.criterium, { status: 'deels' });
    zorgen.add(common, sanne, { tekst: 'Mila slaapt slecht' }, { id: 'zorg-2' });
    krachten.add(common, lisa, { tekst: 'Lisa vraagt zelf om hulp' }, { id: 'kracht-2' });
    scores.add(own, lisa, { datum: '2026-11-20', score: { kind: 'cijfer', cijfer: 7 }, reden: 'De avonden zijn rustiger' }, { id: 'ronde-2' });
    const v2 = render(common, own);

    const diff = compareVersions({ familie: v1 }, { familie: v2 });
    expect(diff.blokken.map((b) => b.blok)).toEqual(['plankop', 'zorgen', 'krachten', 'goedGenoeg', 'doelen']);
    const block = (blok: string) => diff.blokken.find((b) => b.blok === blok)!;

    expect(block('plankop').lists).toEqual([]);
    expect(block('plankop').prose).toEqual([
      {
        key: 'aanleiding',
        labelKey: 'prose.aanleiding',
        parts: [
          { op: 'equal', text: 'De kinderen slapen ' },
          { op: 'delete', text: 'thuis.' },
          { op: 'insert', text: 'bij oma.' },
        ],
      },
    ]);

    const [nieuweZorg] = block('zorgen').lists;
    expect([nieuweZorg!.list, nieuweZorg!.added.map((z) => z.tekst), nieuweZorg!.removed, nieuweZorg!.changed]).toEqual(['zorgen', ['Mila slaapt slecht'], [], []]);
    const [nieuweKracht] = block('krachten').lists;
    expect([nieuweKracht!.added.map((k) => [k.tekst, k.created.name]), nieuweKracht!.removed, nieuweKracht!.changed]).toEqual([[['Lisa vraagt zelf om hulp', 'Lisa de Boer']], [], []]);

    const [criteria] = block('goedGenoeg').lists;
    expect(criteria!.changed.map((c) => [c.id, c.fields.map((f) => (f.kind === 'value' ? [f.field, f.before, f.after] : f.field)), c.nested])).toEqual([
      [ids.criterium, [['status', 'niet', 'deels']], []],
    ]);

    const [goals] = block('doelen').lists;
    expect(goals!.added.map((d) => d.titel)).toEqual(['Een vaste bedtijd voor Mila']);
    expect(goals!.removed.map((d) => d.titel)).toEqual(['Noah gaat elke dag naar school']);
    expect(goals!.changed).toHaveLength(1);
    const [goal] = goals!.changed;
    expect(goal!.id).toBe(ids.doelA);
    expect(goal!.fields).toEqual([]);
    expect(goal!.nested.map((n) => n.list)).toEqual(['acties']);
    const [actie] = goal!.nested[0]!.changed;
    expect(actie!.fields.map((f) => (f.kind === 'value' ? [f.field, f.before, f.after] : f.field))).toEqual([
      ['wanneer', { kind: 'datum', datum: '2026-11-01' }, { kind: 'datum', datum: '2026-11-08' }],
      ['status', { kind: 'open' }, { kind: 'gedaan', op: '2026-11-05' }],
    ]);

    expect(diff.eigen).toEqual([]);
    expect(diff.scores.map((s) => [s.member.name, s.before?.score, s.before?.reden, s.after?.score, s.after?.reden])).toEqual([
      ['Lisa de Boer', { kind: 'cijfer', cijfer: 5 }, 'Het is nog spannend', { kind: 'cijfer', cijfer: 7 }, 'De avonden zijn rustiger'],
    ]);
    expect(diff.professioneel).toBeUndefined();
  });

  it('[C3] a text field changed inside an item is a word diff; an own doc’s changes are listed per member', () => {
    const { common, own, ids } = version1();
    const v1 = render(common, own);
    zorgen.update(common, sanne, ids.zorg, { tekst: 'Harde ruzie in de late avond' });
    appendParagraphs(proseV2(own, 'eigen', 'zoZieIkHet'), ['Het gaat beter.']);
    const diff = compareVersions({ familie: v1 }, { familie: render(common, own) });
    const [zorg] = diff.blokken.find((b) => b.blok === 'zorgen')!.lists[0]!.changed;
    expect(zorg!.fields).toEqual([
      {
        kind: 'text',
        field: 'tekst',
        labelKey: 'field.zorg.tekst',
        parts: [
          { op: 'equal', text: 'Harde ruzie in de ' },
          { op: 'insert', text: 'late ' },
          { op: 'equal', text: 'avond' },
        ],
      },
    ]);
    expect(diff.eigen.map((e) => [e.member.name, e.prose.map((p) => [p.key, p.parts])])).toEqual([
      ['Lisa de Boer', [['zoZieIkHet', [{ op: 'insert', text: 'Het gaat beter.' }]]]],
    ]);
  });
});
