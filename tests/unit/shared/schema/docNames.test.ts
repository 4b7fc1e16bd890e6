import { describe, expect, it } from 'vitest';
import { eigenDocName, parseDocName, planDocNames } from '../../../../shared/src/schema/docNames';
import { allowedRoots, proseSections } from '../../../../shared/src/schema/planSchema';

describe('doc names and roots', () => {
  it('[D1] parses the three doc kinds and refuses anything else', () => {
    expect(parseDocName('gezamenlijk')).toEqual({ kind: 'gezamenlijk' });
    expect(parseDocName('professioneel')).toEqual({ kind: 'professioneel' });
    expect(parseDocName(eigenDocName('m_1-x'))).toEqual({ kind: 'eigen', memberId: 'm_1-x' });
    for (const bad of ['', 'eigen-', 'eigen-../x', 'Gezamenlijk', 'opmerkingen', 'eigen-a/b']) expect(parseDocName(bad)).toBeNull();
  });

  it('[D2] a plan has gezamenlijk, professioneel and one eigen doc per member', () => {
    expect(planDocNames(['a', 'b'])).toEqual(['gezamenlijk', 'professioneel', 'eigen-a', 'eigen-b']);
  });

  it('[D3] each doc kind allows exactly meta and its sections as roots', () => {
    expect([...allowedRoots('gezamenlijk')].sort()).toEqual(['doelenEnActies', 'meta', 'watGaatGoed', 'wieZijnDeMensen', 'zorgen']);
    expect([...allowedRoots('eigen')].sort()).toEqual(['meta', 'zoZieIkHet']);
    expect(proseSections('professioneel').map((s) => s.key)).toEqual(['taxatie', 'notities']);
  });
});
