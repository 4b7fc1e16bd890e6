import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { doelen, acties } from '../../../../shared/src/schema/blocks/doelenActies';
import { scores } from '../../../../shared/src/schema/blocks/eigen';
import { restoreBlock, type GezamenlijkContent } from '../../../../shared/src/schema/restoreV2';
import { fragmentToJson, writeFragmentJson } from '../../../../shared/src/schema/proseJson';
import { proseV2 } from '../../../../shared/src/schema/proseV2';
import { agreementSummary } from '../../../../shared/src/versions/agreementSummary';
import { attendanceOf } from '../../../../shared/src/versions/attendance';
import { renderDoc, renderPlan } from '../../../../shared/src/versions/renderPlan';
import { scoreHistory } from '../../../../shared/src/versions/scoreHistory';
import { lisa, sanne, truus } from '../schema/schemaFixtures';

const leden = [sanne, lisa, truus].map((a) => ({ memberId: a.memberId, name: a.name, role: a.role }));

describe('version views (issue #8)', () => {
  it('[VV1] attendance: marks win; unmarked members are present when connected, absent otherwise', () => {
    expect(attendanceOf(leden, { [truus.memberId]: 'afgemeld' }, [sanne.memberId, truus.memberId]).map((a) => [a.name, a.aanwezigheid])).toEqual([
      ['Sanne Visser', 'aanwezig'],
      ['Lisa de Boer', 'afwezig'],
      ['Truus de Boer', 'afgemeld'],
    ]);
  });

  it('[VV2] agreement: the newest answer of each member counts; who did not answer is listed', () => {
    const answers = [
      { nummer: 1, memberId: lisa.memberId, akkoord: false, reden: 'Nee', op: '2026-11-20T10:00:00.000Z' },
      { nummer: 2, memberId: truus.memberId, akkoord: true, reden: '', op: '2026-11-20T10:01:00.000Z' },
      { nummer: 1, memberId: lisa.memberId, akkoord: true, reden: 'Toch wel', op: '2026-11-20T10:02:00.000Z' },
    ];
    const summary = agreementSummary(1, answers, leden);
    expect(summary.akkoord.map((a) => [a.member.name, a.answer.reden])).toEqual([['Lisa de Boer', 'Toch wel']]);
    expect(summary.nietAkkoord).toEqual([]);
    expect(summary.geenAntwoord.map((m) => m.name)).toEqual(['Sanne Visser', 'Truus de Boer']);
  });

  it('[VV3] scores over time: each party’s latest round per version and in the live round', () => {
    const own = new Y.Doc();
    scores.add(own, lisa, { datum: '2026-10-01', score: { kind: 'cijfer', cijfer: 5 }, reden: 'Spannend' });
    const v1 = renderPlan({ leden, gezamenlijk: new Y.Doc(), professioneel: new Y.Doc(), eigen: new Map([[lisa.memberId, own]]) }).familie;
    scores.add(own, lisa, { datum: '2026-11-20', score: { kind: 'cijfer', cijfer: 7 }, reden: 'Rustiger' });
    const live = renderPlan({ leden, gezamenlijk: new Y.Doc(), professioneel: new Y.Doc(), eigen: new Map([[lisa.memberId, own]]) }).familie;
    const history = scoreHistory([{ nummer: 1, label: 'Versie 1', familie: v1 }], { label: 'Nu', familie: live });
    expect(history.columns).toEqual([
      { nummer: 1, label: 'Versie 1' },
      { nummer: null, label: 'Nu' },
    ]);
    expect(history.series.map((s) => [s.member.name, s.rondes.map((r) => r?.reden)])).toEqual([['Lisa de Boer', ['Spannend', 'Rustiger']]]);
  });

  it('[VV4] restoring a block puts back removed items with their own author, removes new ones, and reverts fields', () => {
    const doc = new Y.Doc();
    const a = doelen.add(doc, sanne, { titel: 'Veilig thuis' });
    acties.add(doc, truus, a, { wat: 'Oma belt elke avond' });
    const b = doelen.add(doc, lisa, { titel: 'Naar school' });
    const version = renderDoc(doc, 'gezamenlijk') as unknown as GezamenlijkContent;

    doelen.update(doc, truus, a, { titel: 'Iets anders' });
    doelen.remove(doc, b);
    const nieuw = doelen.add(doc, truus, { titel: 'Later bedacht' });
    restoreBlock(doc, { ...truus, name: 'Truus', at: '2026-12-01T10:00:00.000Z' }, version, 'doelen');

    const now = doelen.read(doc);
    expect(now.map((d) => [d.id, d.titel, d.created.name])).toEqual([
      [a, 'Veilig thuis', 'Sanne Visser'],
      [b, 'Naar school', 'Lisa de Boer'],
    ]);
    expect(now.some((d) => d.id === nieuw)).toBe(false);
    expect(now[0]!.acties.map((x) => [x.wat, x.created.name])).toEqual([['Oma belt elke avond', 'Truus de Boer']]);
    expect(now[0]!.updated.name).toBe('Truus');
    // Restoring what is already there changes nothing.
    const before = Y.encodeStateVector(doc);
    restoreBlock(doc, truus, version, 'doelen');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('[VV5] prose as JSON keeps structure and marks, and writes back exactly', () => {
    const a = new Y.Doc();
    const fragment = proseV2(a, 'gezamenlijk', 'aanleiding');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    fragment.insert(0, [p]);
    text.insert(0, 'Noah is ');
    text.insert(8, 'veilig', { bold: {} });
    const json = fragmentToJson(fragment);
    const b = new Y.Doc();
    expect(writeFragmentJson(proseV2(b, 'gezamenlijk', 'aanleiding'), json)).toBe(true);
    expect(fragmentToJson(proseV2(b, 'gezamenlijk', 'aanleiding'))).toEqual(json);
    expect(json).toEqual([{ type: 'paragraph', children: [{ runs: [{ text: 'Noah is ' }, { text: 'veilig', marks: { bold: {} } }] }] }]);
    expect(writeFragmentJson(proseV2(b, 'gezamenlijk', 'aanleiding'), json)).toBe(false);
  });
});
