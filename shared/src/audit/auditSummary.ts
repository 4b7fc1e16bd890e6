import { translate, type Locale, type MessageKey } from '../i18n/translate';
import { parseDocName } from '../schema/docNames';
import { DEFAULT_TIME_ZONE } from '../schema/overdue';
import type { AuditEntry, AuditEvent } from './auditEvents';

/** A member as the summary names them. */
export interface AuditMemberName {
  readonly memberId: string;
  readonly name: string;
}

/** Who reads the summary, and how to write it for them. */
export interface AuditSummaryOptions {
  /** The reader: their own acts are left out, and their own doc is "uw eigen deel". */
  readonly viewerMemberId: string;
  /** The plan's members (revoked ones too), to name the people in the records. */
  readonly members: readonly AuditMemberName[];
  readonly locale?: Locale;
  /** Times are shown in this zone; the plans are Dutch, so Amsterdam by default. */
  readonly timeZone?: string;
}

/** One line of the summary, newest first. */
export interface AuditSummaryLine {
  readonly seq: number;
  readonly at: string;
  /** `read`: looked at the plan; `change`: changed it; `refused`: tried, and the rights said no. */
  readonly kind: 'read' | 'change' | 'refused';
  /** E.g. "Sanne Visser (jeugdbeschermer) heeft het plan bekeken — 23 november 2026, 14:05". */
  readonly text: string;
}

/** Events a family member sees when they went through: reading the plan and changing it. */
const FAMILY_EVENTS: Partial<Record<AuditEvent, { kind: 'read' | 'change'; key: MessageKey }>> = {
  'plan.opened': { kind: 'read', key: 'audit.wat.planBekeken' },
  'doc.opened': { kind: 'read', key: 'audit.wat.deelBekeken' },
  'plan.exported': { kind: 'read', key: 'audit.wat.planGedownload' },
  'doc.changed': { kind: 'change', key: 'audit.wat.deelGewijzigd' },
  'actie.status_set': { kind: 'change', key: 'audit.wat.actieStatus' },
  'voorstel.adopted': { kind: 'change', key: 'audit.wat.voorstelOvergenomen' },
  'voorstel.declined': { kind: 'change', key: 'audit.wat.voorstelAfgewezen' },
  'version.frozen': { kind: 'change', key: 'audit.wat.versieVastgelegd' },
  'version.restored': { kind: 'change', key: 'audit.wat.versieTeruggezet' },
};

/**
 * "Wie heeft mijn plan bekeken of gewijzigd?" (issue #6): the audit records an ouder or a jeugdige of 12+
 * sees, in plain Dutch (B1), newest first. Shows the reads and changes of the plan by others, and every act
 * of others the rights refused; leaves out the reader's own acts, the server's own (`system`) records and
 * the plan's housekeeping (invitations, roles, teamoverleg) and refused socket messages (security events).
 * Two identical lines in a row (the same person opening the same part twice in a minute) show once. Pure.
 *
 * @example
 * summarizeAuditForFamily(records, { viewerMemberId: 'm-ouder', members })
 * // [{ seq: 12, kind: 'read', text: 'Sanne Visser (jeugdbeschermer) heeft het plan bekeken — 23 november 2026, 14:05', … }]
 */
export function summarizeAuditForFamily(records: readonly AuditEntry[], options: AuditSummaryOptions): AuditSummaryLine[] {
  const names = new Map(options.members.map((m) => [m.memberId, m.name]));
  const lines: AuditSummaryLine[] = [];
  const newestFirst = [...records].sort((a, b) => b.seq - a.seq);
  for (const entry of newestFirst) {
    if (entry.role === 'system' || entry.memberId === options.viewerMemberId) continue;
    const line = describeForFamily(entry, names, options);
    if (line && lines.at(-1)?.text !== line.text) lines.push(line);
  }
  return lines;
}

function describeForFamily(entry: AuditEntry, names: ReadonlyMap<string, string>, options: AuditSummaryOptions): AuditSummaryLine | undefined {
  const locale = options.locale ?? 'nl';
  // A refused socket message is a technical security event for the jeugdbeschermer's full log; a broken
  // browser can cause one, so it would only worry a family.
  if (entry.event === 'message.refused') return undefined;
  const refused = entry.outcome === 'refused' || entry.event === 'access.denied' || entry.event === 'write.rejected';
  const shown = refused ? undefined : FAMILY_EVENTS[entry.event];
  if (!refused && !shown) return undefined;
  const deel = partName(entry.object, names, options.viewerMemberId, locale);
  const wat = refused ? refusedText(entry.event, deel, locale) : translate((shown as { key: MessageKey }).key, { deel }, locale);
  const text = translate('audit.regel', { wie: whoText(entry, names, locale), wat, wanneer: formatAuditTime(entry.at, locale, options.timeZone) }, locale);
  return { seq: entry.seq, at: entry.at, kind: refused ? 'refused' : (shown as { kind: 'read' | 'change' }).kind, text };
}

function refusedText(event: AuditEvent, deel: string, locale: Locale): string {
  if (event === 'access.denied' || event === 'plan.opened' || event === 'doc.opened') return translate('audit.wat.mochtNietBekijken', { deel }, locale);
  if (event === 'write.rejected' || event === 'doc.changed') return translate('audit.wat.mochtNietWijzigen', { deel }, locale);
  return translate('audit.wat.mochtNiet', {}, locale);
}

/** "Sanne Visser (jeugdbeschermer)", with "namens …" when acting for a child under 12. */
function whoText(entry: AuditEntry, names: ReadonlyMap<string, string>, locale: Locale): string {
  const name = names.get(entry.memberId) ?? translate('audit.wie.onbekend', {}, locale);
  const role = entry.role === 'system' ? '' : lowerFirst(translate(`role.${entry.role}`, {}, locale));
  if (entry.namens === undefined) return translate('audit.wie', { name, role }, locale);
  const namens = names.get(entry.namens) ?? translate('audit.wie.onbekend', {}, locale);
  return translate('audit.wie.namens', { name, role, namens }, locale);
}

/** The part of the plan a record's object names, as words: "het gezamenlijke plan", "uw eigen deel". */
function partName(object: string | undefined, names: ReadonlyMap<string, string>, viewerMemberId: string, locale: Locale): string {
  const parsed = object === undefined ? null : parseDocName(object);
  if (parsed === null) return translate(object === undefined ? 'audit.deel.plan' : 'audit.deel.onbekend', {}, locale);
  if (parsed.kind === 'gezamenlijk') return translate('audit.deel.gezamenlijk', {}, locale);
  if (parsed.kind === 'professioneel') return translate('audit.deel.professioneel', {}, locale);
  if (parsed.kind === 'opmerkingen') return translate(parsed.intern ? 'audit.deel.opmerkingenIntern' : 'audit.deel.opmerkingen', {}, locale);
  if (parsed.memberId === viewerMemberId) return translate('audit.deel.eigenVanU', {}, locale);
  const owner = names.get(parsed.memberId);
  return owner === undefined ? translate('audit.deel.eigenVanIemand', {}, locale) : translate('audit.deel.eigenVan', { name: owner }, locale);
}

/**
 * A record's time for people: "23 november 2026, 14:05" (Dutch) or "23 November 2026, 14:05", in Amsterdam
 * time unless another zone is given.
 *
 * @example formatAuditTime('2026-11-23T13:05:00.000Z') // '23 november 2026, 14:05'
 */
export function formatAuditTime(at: string, locale: Locale = 'nl', timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return translate('audit.wanneer', { day: part('day'), month: part('month'), year: part('year'), time: `${part('hour')}:${part('minute')}` }, locale);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
