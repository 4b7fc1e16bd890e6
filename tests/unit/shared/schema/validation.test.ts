import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { acties, doelen } from '../../../../shared/src/schema/blocks/doelenActies';
import { scores } from '../../../../shared/src/schema/blocks/eigen';
import { gevaarszinnen } from '../../../../shared/src/schema/blocks/gevaarszinnen';
import { en } from '../../../../shared/src/i18n/en';
import { nl } from '../../../../shared/src/i18n/nl';
import { translate } from '../../../../shared/src/i18n/translate';
import { planWarnings, WARNINGS } from '../../../../shared/src/schema/validation';
import { lisa, sanne } from './schemaFixtures';

function plan(doc: Y.Doc, eigen?: Y.Doc) {
  return {
    doelen: doelen.read(doc),
    gevaarszinnen: gevaarszinnen.read(doc),
    scores: eigen ? [{ memberId: 'm-lisa', scores: scores.read(eigen) }] : [],
  };
}

describe('validation warns, never blocks', () => {
  it('[V1] more than 5 active goals warns once, with count and max; proposed or reached goals do not count', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 5; i++) doelen.add(doc, sanne, { titel: `Doel ${i}` });
    doelen.add(doc, sanne, { titel: 'voorgesteld', status: { kind: 'voorgesteld' } });
    doelen.add(doc, sanne, { titel: 'behaald', status: { kind: 'behaald' } });
    expect(planWarnings(plan(doc))).toEqual([]);
    doelen.add(doc, sanne, { titel: 'zesde' });
    const warnings = planWarnings(plan(doc));
    expect(warnings).toEqual([
      { code: 'doelen.te-veel-actief', messageKey: 'warning.teVeelActieveDoelen', params: { count: 6, max: 5 }, target: { kind: 'blok', blok: 'doelen' } },
    ]);
    expect(translate(warnings[0]!.messageKey, warnings[0]!.params)).toBe('Er zijn 6 actieve doelen. Houd het bij 5: dan blijft het plan haalbaar.');
  });

  it('[V2] more than 3 gevaarszinnen warns; a gevaarszin without veiligheidsdoel warns on that pair', () => {
    const doc = new Y.Doc();
    const ids = [0, 1, 2].map((i) => gevaarszinnen.add(doc, sanne, { watIsErGebeurd: `g${i}`, watDoenOudersAnders: `d${i}` }));
    gevaarszinnen.add(doc, sanne); // an empty new card: no "without doel" warning yet
    expect(planWarnings(plan(doc)).map((w) => w.code)).toEqual(['gevaarszinnen.te-veel']);
    gevaarszinnen.update(doc, sanne, ids[1] as string, { watDoenOudersAnders: '  ' });
    expect(planWarnings(plan(doc)).map((w) => [w.code, w.target])).toEqual([
      ['gevaarszinnen.te-veel', { kind: 'blok', blok: 'gevaarszinnen' }],
      ['gevaarszin.zonder-veiligheidsdoel', { kind: 'gevaarszin', id: ids[1] }],
    ]);
  });

  it('[V3] an open action without owner or without date warns; done actions and declined goals do not', () => {
    const doc = new Y.Doc();
    const doel = doelen.add(doc, sanne, { titel: 'Rust' });
    const geenWie = acties.add(doc, sanne, doel, { wat: 'x', wanneer: { kind: 'datum', datum: '2026-12-01' } }) as string;
    const geenDatum = acties.add(doc, sanne, doel, { wat: 'y', wie: { kind: 'netwerk', naam: 'Fatima' } }) as string;
    const leeg = acties.add(doc, sanne, doel, { wie: { kind: 'netwerk', naam: ' ' }, wanneer: { kind: 'herhaling', tekst: '' } }) as string;
    acties.add(doc, sanne, doel, { wat: 'klaar', status: { kind: 'gedaan', op: null } });
    const afgewezen = doelen.add(doc, sanne, { status: { kind: 'afgewezen', reden: 'nee' } });
    acties.add(doc, sanne, afgewezen, { wat: 'z' });
    expect(planWarnings(plan(doc)).map((w) => [w.code, w.target])).toEqual([
      ['actie.zonder-eigenaar', { kind: 'actie', doelId: doel, actieId: geenWie }],
      ['actie.zonder-datum', { kind: 'actie', doelId: doel, actieId: geenDatum }],
      ['actie.zonder-eigenaar', { kind: 'actie', doelId: doel, actieId: leeg }],
      ['actie.zonder-datum', { kind: 'actie', doelId: doel, actieId: leeg }],
    ]);
  });

  it('[V4] a score (or "geen cijfer") without a reason warns; a round without a score yet does not', () => {
    const doc = new Y.Doc();
    const eigen = new Y.Doc();
    const a = scores.add(eigen, lisa, { datum: '2026-11-20', score: { kind: 'cijfer', cijfer: 7 } });
    const b = scores.add(eigen, lisa, { datum: '2026-11-21', score: { kind: 'geenCijfer' }, reden: ' ' });
    scores.add(eigen, lisa, { datum: '2026-11-22', score: { kind: 'cijfer', cijfer: 3 }, reden: 'Ruzie' });
    scores.add(eigen, lisa, { datum: '2026-11-23' });
    expect(planWarnings(plan(doc, eigen)).map((w) => [w.code, w.target])).toEqual([
      ['score.zonder-reden', { kind: 'score', memberId: 'm-lisa', rondeId: a }],
      ['score.zonder-reden', { kind: 'score', memberId: 'm-lisa', rondeId: b }],
    ]);
  });

  it('[V5] every warning has a stable unique code and Dutch and English text', () => {
    const codes = Object.values(WARNINGS).map((w) => w.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const w of Object.values(WARNINGS)) {
      expect(nl[w.messageKey]).toBeTruthy();
      expect(en[w.messageKey]).toBeTruthy();
    }
  });
});
