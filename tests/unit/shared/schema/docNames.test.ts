import { describe, expect, it } from 'vitest';
import { eigenDocName, parseDocName, planDocNames } from '../../../../shared/src/schema/docNames';
import { allowedRoots, proseSections, rootTypes } from '../../../../shared/src/schema/planSchema';
import { V2_ROOTS } from '../../../../shared/src/schema/rootsV2';

describe('doc names and roots', () => {
  it('[D1] parses the doc kinds and refuses anything else', () => {
    expect(parseDocName('gezamenlijk')).toEqual({ kind: 'gezamenlijk' });
    expect(parseDocName('professioneel')).toEqual({ kind: 'professioneel' });
    expect(parseDocName(eigenDocName('m_1-x'))).toEqual({ kind: 'eigen', memberId: 'm_1-x' });
    expect(parseDocName('opmerkingen')).toEqual({ kind: 'opmerkingen', intern: false });
    expect(parseDocName('opmerkingen-intern')).toEqual({ kind: 'opmerkingen', intern: true });
    for (const bad of ['', 'eigen-', 'eigen-../x', 'Gezamenlijk', 'opmerkingen-', 'opmerkingen-a', 'eigen-a/b']) expect(parseDocName(bad)).toBeNull();
  });

  it('[D2] a plan has gezamenlijk, professioneel, one eigen doc per member and the two comment docs', () => {
    expect(planDocNames(['a', 'b'])).toEqual(['gezamenlijk', 'professioneel', 'eigen-a', 'eigen-b', 'opmerkingen', 'opmerkingen-intern']);
  });

  it('[D3] each doc kind allows exactly meta, its v1 sections and its v2 roots', () => {
    expect([...allowedRoots('gezamenlijk')].sort()).toEqual(
      [
        'meta',
        // v1 prose, kept as the blocks' notes
        'wieZijnDeMensen', 'watGaatGoed', 'zorgen', 'doelenEnActies',
        // v2
        'plankop', 'aanleiding', 'personen', 'netwerk', 'tijdlijn', 'zorgItems', 'krachtItems', 'gevaarszinnen',
        'kaartZorgsignalen', 'kaartPositieveSignalen', 'kaartStappenGezet', 'kaartWatWerkt', 'kaartWatWerktNiet',
        'kaartOordeel', 'gewogenOordeel', 'goedGenoeg', 'doelen', 'veiligheidsafspraken', 'bodemeisen', 'evaluaties',
      ].sort(),
    );
    expect([...allowedRoots('professioneel')].sort()).toEqual(['meta', 'notities', 'taxatie']);
    expect([...allowedRoots('eigen')].sort()).toEqual(['betwistingen', 'eigenDoelen', 'eigenKrachten', 'eigenZorgen', 'meta', 'scores', 'zoZieIkHet']);
    expect([...allowedRoots('opmerkingen')].sort()).toEqual(['draden', 'meta']);
    expect(allowedRoots('gezamenlijk').has('geheim')).toBe(false);
    expect(proseSections('professioneel').map((s) => s.key)).toEqual(['taxatie', 'notities']);
  });

  it('[D4] no v2 root reuses a v1 root name with another Yjs type (a root can never change type)', () => {
    for (const kind of ['gezamenlijk', 'professioneel', 'eigen', 'opmerkingen'] as const) {
      const types = rootTypes(kind);
      for (const s of proseSections(kind)) expect(types.get(s.key)).toBe('xml');
      expect(types.get('meta')).toBe('map');
      for (const [name, type] of Object.entries(V2_ROOTS[kind])) {
        expect(proseSections(kind).some((s) => s.key === name)).toBe(false);
        expect(types.get(name)).toBe(type);
      }
    }
  });
});
