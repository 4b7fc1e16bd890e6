import type { Role } from '../permissions/roles';
import type { BlockKey } from '../schema/blockCatalog';
import type { DocKind } from '../schema/docNames';
import type { ProseKeyV2 } from '../schema/proseV2';
import type { ProseJson } from '../schema/proseJson';
import type { ListsRead, RecordsRead } from '../schema/registryV2';
import type { WarningCode, WarningTarget } from '../schema/validation';
import type { MessageKey } from '../i18n/nl';

/**
 * A frozen version of a plan (issue #8): an immutable, hash-chained record of the plan as agreed at the end
 * of a teamoverleg. Its content is kept per scope, so that a member receives only what they may read:
 * the `familie` rendering (every doc all members read) and the `professioneel` rendering (what only
 * professionals with access to `professioneel` read).
 */

/** The two scopes a version is rendered in. */
export const VERSION_SCOPES = ['familie', 'professioneel'] as const;
export type VersionScope = (typeof VERSION_SCOPES)[number];

/** One doc as plain data: block order, lists, records, and each rich-text field as JSON (`proseJson.ts`). */
export interface DocRendering<K extends DocKind> {
  readonly schemaVersion: number;
  readonly blokken: readonly BlockKey[];
  readonly lists: ListsRead<K>;
  readonly records: RecordsRead<K>;
  readonly prose: { readonly [P in ProseKeyV2<K>]: ProseJson };
}

/** A member as a version names them (their name and role at the moment of freezing). */
export interface VersionMember {
  readonly memberId: string;
  readonly name: string;
  readonly role: Role;
}

/** What every member of the plan may read: the common plan and every member's own doc. */
export interface FamilieRendering {
  readonly scope: 'familie';
  readonly leden: readonly VersionMember[];
  readonly gezamenlijk: DocRendering<'gezamenlijk'>;
  readonly eigen: readonly { readonly memberId: string; readonly doc: DocRendering<'eigen'> }[];
}

/** What only professionals with access to `professioneel` read. */
export interface ProfessioneelRendering {
  readonly scope: 'professioneel';
  readonly professioneel: DocRendering<'professioneel'>;
}

/** Both renderings of a plan's state. */
export interface PlanRenderings {
  readonly familie: FamilieRendering;
  readonly professioneel: ProfessioneelRendering;
}

/** Attendance as a version records it. */
export type Aanwezigheid = 'aanwezig' | 'afwezig' | 'afgemeld';

/** One line of a version's attendance list. */
export interface VersionAttendance extends VersionMember {
  readonly aanwezigheid: Aanwezigheid;
}

/** A validation warning as recorded in a version that was frozen despite it (DESIGN.md §4). */
export interface VersionWarning {
  readonly code: WarningCode;
  readonly messageKey: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly target: WarningTarget;
}

/**
 * The part of a version every member may see: who froze it when, attendance, the warnings it was frozen
 * with, the SHA-256 of each rendering, and the chain link. `hash` is the SHA-256 of the canonical JSON of
 * everything else in the header, so it covers the renderings through their hashes.
 */
export interface VersionHeader {
  readonly planId: string;
  /** 1, 2, 3 … per plan. */
  readonly nummer: number;
  readonly label: string;
  /** UTC, ISO 8601. */
  readonly vastgesteldOp: string;
  readonly vastgesteldDoor: VersionMember;
  /** Empty when the version was frozen outside a teamoverleg. */
  readonly aanwezigheid: readonly VersionAttendance[];
  readonly waarschuwingen: readonly VersionWarning[];
  readonly hashes: { readonly [S in VersionScope]: string };
  /** `hash` of the previous version; 64 zeros for the first. */
  readonly vorigeHash: string;
  readonly hash: string;
}

/** A whole stored version. */
export interface StoredVersion {
  readonly header: VersionHeader;
  readonly renderings: PlanRenderings;
}

/** A member's answer on a version (issue #8: agreement per party). The newest answer of a member counts. */
export interface VersionAgreement {
  readonly nummer: number;
  readonly memberId: string;
  readonly akkoord: boolean;
  /** Required when not agreeing; may be empty when agreeing. */
  readonly reden: string;
  readonly op: string;
}

/** The `vorigeHash` of a plan's first version: 64 zeros. */
export const FIRST_PREVIOUS_HASH = '0'.repeat(64);

/**
 * Where a comment thread on a version points (`VersionThreadAnchor` in `comments/threadAnchor.ts`): the version's number
 * and a path into it — a section key of `printVersion.ts` (a block key such as `doelen`, `eigen-<memberId>`
 * or `professioneel`), then optionally a list key and an item id. The path stays valid because versions
 * never change. Threads use a path of one section key so far; `parseAnchorInput` refuses a longer one.
 *
 * @example { versionNumber: 3, blockPath: ['doelen', 'doelen', 'Xc8f2kQ1aB3d'] }
 */
export interface VersionAnchor {
  readonly versionNumber: number;
  readonly blockPath: readonly string[];
}
