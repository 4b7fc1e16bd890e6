import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { bodemeisen, veiligheidsafspraken } from '../../../../shared/src/schema/blocks/afspraken';
import { acties, doelen, type Actie } from '../../../../shared/src/schema/blocks/doelenActies';
import { betwistingen, eigenDoelen, eigenKrachten, eigenZorgen, scores, zoZieIkHet } from '../../../../shared/src/schema/blocks/eigen';
import { besluiten, evaluaties, voortgangPerDoel } from '../../../../shared/src/schema/blocks/evaluatie';
import { gevaarszinnen, heeftVeiligheidsdoel } from '../../../../shared/src/schema/blocks/gevaarszinnen';
import { bewijs, goedGenoeg } from '../../../../shared/src/schema/blocks/goedGenoeg';
import { netwerk, personen } from '../../../../shared/src/schema/blocks/mensen';
import { aanleiding, plankop } from '../../../../shared/src/schema/blocks/plankop';
import { tijdlijn } from '../../../../shared/src/schema/blocks/tijdlijn';
import { KAART_LIJSTEN, gewogenOordeel, kaartOordeel } from '../../../../shared/src/schema/blocks/veiligheidskaart';
import { krachten, zorgen, zorgenToelichting } from '../../../../shared/src/schema/blocks/zorgenKrachten';
import { InvalidData } from '../../../../shared/src/schema/invalid';
import { appendParagraphs, fragmentText } from '../../../../shared/src/schema/proseText';
import { proseKeysV2, proseV2 } from '../../../../shared/src/schema/proseV2';
import { rootTypes } from '../../../../shared/src/schema/planSchema';
import { lisa, sanne, stampOf, truus } from './schemaFixtures';

describe('typed accessors per block', () => {
  it('[B10] plankop: a record with kader, dates and status; updated is stamped; bad values refused', () => {
    const doc = new Y.Doc();
    expect(plankop.read(doc)).toEqual({
      kader: null, maatregelStart: null, maatregelEind: null, regio: '', casusregisseur: '', status: 'concept', volgendTeamoverleg: null, updated: null,
    });
    plankop.update(doc, sanne, { kader: 'voorlopige-ots', maatregelStart: '2026-03-01', regio: 'Midden-Brabant', status: 'vastgesteld' });
    expect(plankop.read(doc)).toMatchObject({ kader: 'voorlopige-ots', maatregelStart: '2026-03-01', status: 'vastgesteld', updated: stampOf(sanne) });
    expect(() => plankop.update(doc, lisa, { maatregelEind: '2026-02-30' })).toThrow(InvalidData);
    expect(() => plankop.update(doc, lisa, { kader: 'OTS' as never })).toThrow(/kader/);
    appendParagraphs(aanleiding(doc), ['Melding van school.']);
    expect(fragmentText(aanleiding(doc))).toBe('Melding van school.');
  });

  it('[B11] mensen: persons with age or birth year (a union) and gezag; the netwerk links to a member', () => {
    const doc = new Y.Doc();
    const noah = personen.add(doc, sanne, { naam: 'Noah', leeftijd: { kind: 'leeftijd', jaren: 13 }, gezag: false });
    const ricardo = personen.add(doc, sanne, { naam: 'Ricardo', leeftijd: { kind: 'geboortejaar', jaar: 1988 }, gezag: true, tolkNodig: false });
    expect(() => personen.add(doc, sanne, { leeftijd: { kind: 'leeftijd', jaren: -1 } })).toThrow(InvalidData);
    personen.update(doc, lisa, noah, { woont: 'Bij mama in Tilburg' });
    expect(personen.read(doc).map((p) => [p.naam, p.leeftijd, p.gezag, p.woont])).toEqual([
      ['Noah', { kind: 'leeftijd', jaren: 13 }, false, 'Bij mama in Tilburg'],
      ['Ricardo', { kind: 'geboortejaar', jaar: 1988 }, true, ''],
    ]);
    const oma = netwerk.add(doc, sanne, { naam: 'Truus', rol: 'Oma', lidId: 'm-truus' });
    expect(netwerk.get(doc, oma)).toMatchObject({ lidId: 'm-truus', created: stampOf(sanne) });
    void ricardo;
  });

  it('[B12] tijdlijn: soort feit/observatie/mening; who entered it is `created`', () => {
    const doc = new Y.Doc();
    const id = tijdlijn.add(doc, truus, { datum: '2026-05-12', gebeurtenis: 'Ruzie', soort: 'mening', bron: 'Oma' });
    expect(tijdlijn.get(doc, id)).toMatchObject({ soort: 'mening', created: stampOf(truus) });
    expect(() => tijdlijn.update(doc, truus, id, { soort: 'gerucht' as never })).toThrow(InvalidData);
  });

  it('[B13] zorgen and wat gaat goed: types, children, soort; the v1 prose stays the note', () => {
    const doc = new Y.Doc();
    zorgen.add(doc, sanne, { tekst: 'Ruzie', type: 'schade-in-het-verleden', kinderen: ['p-noah'] });
    krachten.add(doc, lisa, { tekst: 'Oma helpt', type: 'uitzondering-op-de-zorg' });
    expect(zorgen.read(doc)[0]).toMatchObject({ type: 'schade-in-het-verleden', kinderen: ['p-noah'] });
    expect(krachten.read(doc)[0]).toMatchObject({ type: 'uitzondering-op-de-zorg', created: stampOf(lisa) });
    expect(() => krachten.add(doc, lisa, { type: 'gevaar' as never })).toThrow(InvalidData);
    expect(zorgenToelichting(doc)).toBe(doc.getXmlFragment('zorgen'));
  });

  it('[B14] gevaarszinnen: one veiligheidsdoel per pair; empty doel detected', () => {
    const doc = new Y.Doc();
    const id = gevaarszinnen.add(doc, sanne, { watIsErGebeurd: 'Geschreeuw', alsErNietsVerandert: 'Erger' });
    expect(heeftVeiligheidsdoel(gevaarszinnen.get(doc, id)!)).toBe(false);
    gevaarszinnen.update(doc, sanne, id, { watDoenOudersAnders: 'Geen ruzie waar de kinderen bij zijn' });
    expect(heeftVeiligheidsdoel(gevaarszinnen.get(doc, id)!)).toBe(true);
  });

  it('[B15] veiligheidskaart: five lists, the oordeel record and its prose', () => {
    const doc = new Y.Doc();
    for (const [i, { list }] of KAART_LIJSTEN.entries()) list.add(doc, sanne, { tekst: `regel ${i}` });
    expect(KAART_LIJSTEN.map(({ list }) => list.read(doc).map((r) => r.tekst))).toEqual([['regel 0'], ['regel 1'], ['regel 2'], ['regel 3'], ['regel 4']]);
    kaartOordeel.update(doc, sanne, { door: 'Sanne en Karim', datum: '2026-11-09' });
    expect(kaartOordeel.read(doc)).toEqual({ door: 'Sanne en Karim', datum: '2026-11-09', updated: stampOf(sanne) });
    appendParagraphs(gewogenOordeel(doc), ['Veilig genoeg.']);
    expect(fragmentText(proseV2(doc, 'gezamenlijk', 'gewogenOordeel'))).toBe('Veilig genoeg.');
  });

  it('[B16] goed genoeg: criteria with venster, status and a nested evidence list', () => {
    const doc = new Y.Doc();
    const id = goedGenoeg.add(doc, sanne, { tekst: 'Geen geweld', venster: 2, veiligheidsdoelId: 'gz1', bewijs: [{ tekst: 'Eerste' }] });
    expect(() => goedGenoeg.update(doc, sanne, id, { venster: 5 as never })).toThrow(InvalidData);
    goedGenoeg.update(doc, sanne, id, { status: 'behaald', behaaldSinds: '2026-10-01' });
    const e2 = bewijs.add(doc, truus, id, { tekst: 'Tweede', datum: '2026-11-01' }) as string;
    bewijs.move(doc, id, e2, 0);
    bewijs.update(doc, lisa, id, e2, { tekst: 'Tweede, aangevuld' });
    const c = goedGenoeg.get(doc, id)!;
    expect(c).toMatchObject({ status: 'behaald', behaaldSinds: '2026-10-01', venster: 2 });
    expect(c.bewijs.map((b) => [b.tekst, b.created.memberId, b.updated.memberId])).toEqual([
      ['Tweede, aangevuld', 'm-truus', 'm-lisa'],
      ['Eerste', 'm-sanne', 'm-sanne'],
    ]);
    expect(bewijs.remove(doc, id, e2)).toBe(true);
    expect(bewijs.read(doc, id)).toHaveLength(1);
    expect(bewijs.add(doc, sanne, 'bestaat-niet', { tekst: 'x' })).toBeNull();
  });

  it('[B17] doelen en acties: status with reason, wie and wanneer as unions, actions nested under a goal', () => {
    const doc = new Y.Doc();
    const doel = doelen.add(doc, sanne, { titel: 'Rustige avonden', prioriteit: 1 });
    const a1 = acties.add(doc, sanne, doel, { wie: { kind: 'lid', memberId: 'm-lisa' }, wat: 'Oma bellen', wanneer: { kind: 'herhaling', tekst: 'elke avond' } }) as string;
    const a2 = acties.add(doc, sanne, doel, { wie: { kind: 'netwerk', naam: 'Fatima' }, wat: 'Mila naar school', wanneer: { kind: 'datum', datum: '2026-12-01' } }) as string;
    acties.update(doc, lisa, doel, a1, { status: { kind: 'gedaan', op: '2026-11-21' } });
    acties.move(doc, doel, a2, 0);
    doelen.update(doc, sanne, doel, { status: { kind: 'afgewezen', reden: 'Past niet' } });
    expect(() => acties.update(doc, lisa, doel, a1, { wanneer: { kind: 'datum', datum: 'morgen' } })).toThrow(InvalidData);
    expect(() => doelen.update(doc, sanne, doel, { prioriteit: 0 })).toThrow(InvalidData);
    const read = doelen.get(doc, doel)!;
    expect(read.status).toEqual({ kind: 'afgewezen', reden: 'Past niet' });
    expect(read.acties.map((a: Actie) => [a.wat, a.wie, a.wanneer, a.status])).toEqual([
      ['Mila naar school', { kind: 'netwerk', naam: 'Fatima' }, { kind: 'datum', datum: '2026-12-01' }, { kind: 'open' }],
      ['Oma bellen', { kind: 'lid', memberId: 'm-lisa' }, { kind: 'herhaling', tekst: 'elke avond' }, { kind: 'gedaan', op: '2026-11-21' }],
    ]);
    expect(read.acties[1]?.updated).toEqual(stampOf(lisa));
    expect(acties.remove(doc, doel, a1)).toBe(true);
    doelen.remove(doc, doel);
    expect(acties.read(doc, doel)).toEqual([]);
  });

  it('[B18] veiligheidsafspraken and bodemeisen', () => {
    const doc = new Y.Doc();
    const id = veiligheidsafspraken.add(doc, sanne, { signaal: 'Als de spanning oploopt', wieDoetWat: 'dan belt Lisa oma', geldigTot: '2027-05-01' });
    bodemeisen.add(doc, sanne, { eis: 'Geen geweld', gevolg: 'Dan naar oma', wieWaaktErover: 'Sanne' });
    veiligheidsafspraken.update(doc, truus, id, { wieWaaktErover: 'Oma Truus' });
    expect(veiligheidsafspraken.read(doc)[0]).toMatchObject({ geldigTot: '2027-05-01', wieWaaktErover: 'Oma Truus', updated: stampOf(truus) });
    expect(bodemeisen.read(doc)[0]).toMatchObject({ eis: 'Geen geweld', gevolg: 'Dan naar oma' });
  });

  it('[B19] evaluatie: progress per goal (−/0/+), decisions and new actions, nested', () => {
    const doc = new Y.Doc();
    const ev = evaluaties.add(doc, sanne, { datum: '2026-11-20', nieuweActieIds: ['a1'], volgendeDatum: '2027-01-15' });
    const v = voortgangPerDoel.add(doc, sanne, ev, { doelId: 'd1', voortgang: 'plus' }) as string;
    voortgangPerDoel.update(doc, sanne, ev, v, { toelichting: 'Rustiger' });
    besluiten.add(doc, sanne, ev, { tekst: 'Overdracht via oma' });
    expect(() => voortgangPerDoel.update(doc, sanne, ev, v, { voortgang: '+' as never })).toThrow(InvalidData);
    const read = evaluaties.get(doc, ev)!;
    expect(read.perDoel.map((p) => [p.doelId, p.voortgang, p.toelichting])).toEqual([['d1', 'plus', 'Rustiger']]);
    expect(read.besluiten.map((b) => b.tekst)).toEqual(['Overdracht via oma']);
    expect(read.nieuweActieIds).toEqual(['a1']);
  });

  it('[B20] eigen: own view, own goals, own worries and strengths, disputes, score rounds; "namens" is marked', () => {
    const doc = new Y.Doc();
    appendParagraphs(zoZieIkHet(doc), ['Ik wil thuis blijven.']);
    eigenDoelen.add(doc, lisa, { titel: 'Beter slapen' });
    eigenZorgen.add(doc, lisa, { tekst: 'Ik ben moe', type: 'complicerende-factor' });
    eigenKrachten.add(doc, lisa, { tekst: 'Ik vraag hulp' });
    betwistingen.add(doc, lisa, { over: { kind: 'zorg', id: 'z1' }, reactie: 'Klopt niet' });
    scores.add(doc, lisa, { datum: '2026-11-20', score: { kind: 'cijfer', cijfer: 8 }, reden: 'Beter' });
    const namens = { ...sanne, namens: { memberId: 'm-mila', name: 'Mila' } };
    scores.add(doc, namens, { datum: '2026-11-21', score: { kind: 'geenCijfer' }, reden: 'Mila wil geen cijfer geven' });
    expect(() => scores.add(doc, lisa, { score: { kind: 'cijfer', cijfer: 11 } })).toThrow(InvalidData);
    expect(() => betwistingen.add(doc, lisa, { over: { kind: 'doel', id: 'x' } as never })).toThrow(InvalidData);
    expect(fragmentText(zoZieIkHet(doc))).toBe('Ik wil thuis blijven.');
    expect(scores.read(doc).map((s) => [s.score, s.created.namens ?? null])).toEqual([
      [{ kind: 'cijfer', cijfer: 8 }, null],
      [{ kind: 'geenCijfer' }, { memberId: 'm-mila', name: 'Mila' }],
    ]);
    expect(eigenDoelen.read(doc)[0]?.titel).toBe('Beter slapen');
    expect(eigenZorgen.read(doc)[0]?.type).toBe('complicerende-factor');
    expect(eigenKrachten.read(doc)[0]?.created).toEqual(stampOf(lisa));
    expect(betwistingen.read(doc)[0]?.over).toEqual({ kind: 'zorg', id: 'z1' });
  });

  it('[B21] every prose field is a Y.XmlFragment at an allowed xml root, for Tiptap', () => {
    for (const kind of ['gezamenlijk', 'professioneel', 'eigen'] as const) {
      const doc = new Y.Doc();
      for (const key of proseKeysV2(kind)) {
        const fragment = proseV2(doc, kind, key as never);
        expect(fragment).toBeInstanceOf(Y.XmlFragment);
        const root = [...doc.share.entries()].find(([, t]) => (t as unknown) === fragment)?.[0] as string;
        expect(rootTypes(kind).get(root)).toBe('xml');
      }
    }
  });
});
