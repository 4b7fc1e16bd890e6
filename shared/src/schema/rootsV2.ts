import type { DocKind } from './docNames';

/** The root holding a doc's schema version (and, in `gezamenlijk`, the template's block order). */
export const META_ROOT = 'meta';

/** The Yjs type of a root; a root's type can never change once a doc has it. */
export type RootType = 'map' | 'array' | 'xml';

/**
 * The roots schema version 2 adds, per doc kind, with their Yjs type. This table is the only place that
 * spells them. The v1 prose roots (`zorgen`, `watGaatGoed`, …: Y.XmlFragments) stay and become the free-text
 * note of their block, so the v2 lists carry other names (`zorgItems`, not `zorgen`).
 * Prose roots are Y.XmlFragments at the root (not inside a map) so that two clients never race to create them.
 */
export const V2_ROOTS = {
  gezamenlijk: {
    plankop: 'map',
    aanleiding: 'xml',
    personen: 'array',
    netwerk: 'array',
    tijdlijn: 'array',
    zorgItems: 'array',
    krachtItems: 'array',
    gevaarszinnen: 'array',
    kaartZorgsignalen: 'array',
    kaartPositieveSignalen: 'array',
    kaartStappenGezet: 'array',
    kaartWatWerkt: 'array',
    kaartWatWerktNiet: 'array',
    kaartOordeel: 'map',
    gewogenOordeel: 'xml',
    goedGenoeg: 'array',
    doelen: 'array',
    veiligheidsafspraken: 'array',
    bodemeisen: 'array',
    evaluaties: 'array',
  },
  professioneel: {},
  eigen: {
    eigenDoelen: 'array',
    eigenZorgen: 'array',
    eigenKrachten: 'array',
    betwistingen: 'array',
    scores: 'array',
  },
  // Both comment docs (issue #7): the threads, written by the server only.
  opmerkingen: {
    draden: 'array',
  },
} as const satisfies Record<DocKind, Record<string, RootType>>;

/** The name of a v2 root, checked at compile time. Example: `v2Root('eigen', 'scores')` → `'scores'`. */
export function v2Root<K extends DocKind>(kind: K, name: keyof (typeof V2_ROOTS)[K] & string): string {
  void kind;
  return name;
}
