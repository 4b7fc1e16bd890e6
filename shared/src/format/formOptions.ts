import { translate } from '../i18n/translate';
import type { Role } from '../permissions/roles';
import { ownerKey } from '../schema/actiesView';
import type { Doel, Wie } from '../schema/blocks/doelenActies';
import type { Gevaarszin } from '../schema/blocks/gevaarszinnen';
import type { NetwerkLid, Persoon } from '../schema/blocks/mensen';
import type { TijdlijnItem } from '../schema/blocks/tijdlijn';
import type { Zorg } from '../schema/blocks/zorgenKrachten';

/** One choice in a select or a checkbox list. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A plan member as forms show them. */
export interface MemberOption {
  readonly memberId: string;
  readonly name: string;
  readonly role: Role;
}

/** Everything a form field can point at: the items of `gezamenlijk` by id, the members, the netwerk names. */
export interface FormOptions {
  readonly personen: readonly Option[];
  readonly gevaarszinnen: readonly Option[];
  readonly doelen: readonly Option[];
  readonly acties: readonly Option[];
  readonly zorgen: readonly Option[];
  readonly tijdlijn: readonly Option[];
  readonly leden: readonly MemberOption[];
  /** Network people without an account (the netwerk list, minus those linked to a member). */
  readonly netwerkNamen: readonly string[];
}

/** What `formOptions` reads from `gezamenlijk`. */
export interface OptionSources {
  readonly personen: readonly Persoon[];
  readonly netwerk: readonly NetwerkLid[];
  readonly gevaarszinnen: readonly Gevaarszin[];
  readonly doelen: readonly Doel[];
  readonly zorgen: readonly Zorg[];
  readonly tijdlijn: readonly TijdlijnItem[];
}

const EXCERPT = 60;

/** The first words of a text, for a label. Example: `excerpt('Een hele lange zin …', 10)` → `Een hele…`. */
export function excerpt(text: string, max: number = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A label from the first non-empty text, or "<noun> <n>" when all are empty. */
function labelOf(texts: readonly string[], noun: string, index: number): string {
  const text = texts.find((t) => t.trim() !== '');
  return text ? excerpt(text) : `${noun} ${index + 1}`;
}

/** The options of every reference field, from the current state of `gezamenlijk`. */
export function formOptions(src: OptionSources, leden: readonly MemberOption[]): FormOptions {
  const noun = (key: Parameters<typeof translate>[0]) => translate(key);
  const linked = new Set(src.netwerk.flatMap((n) => (n.lidId ? [n.naam.trim()] : [])));
  return {
    personen: src.personen.map((p, i) => ({ value: p.id, label: labelOf([p.naam], noun('list.personen.item'), i) })),
    gevaarszinnen: src.gevaarszinnen.map((g, i) => {
      const text = [g.watIsErGebeurd, g.wieMaaktZichZorgen, g.alsErNietsVerandert].find((t) => t.trim() !== '');
      const title = `${noun('list.gevaarszinnen.item')} ${i + 1}`;
      return { value: g.id, label: text ? `${title}: ${excerpt(text)}` : title };
    }),
    doelen: src.doelen.map((d, i) => ({ value: d.id, label: labelOf([d.titel], noun('list.doelen.item'), i) })),
    acties: src.doelen.flatMap((d) =>
      d.acties.map((a, i) => ({ value: a.id, label: `${labelOf([a.wat], noun('list.acties.item'), i)} (${wieLabel(a.wie, leden)})` })),
    ),
    zorgen: src.zorgen.map((z, i) => ({ value: z.id, label: labelOf([z.tekst], noun('list.zorgen.item'), i) })),
    tijdlijn: src.tijdlijn.map((t, i) => ({
      value: t.id,
      label: [t.datum ?? '', labelOf([t.gebeurtenis], noun('list.tijdlijn.item'), i)].filter(Boolean).join(' — '),
    })),
    leden,
    netwerkNamen: [...new Set(src.netwerk.map((n) => n.naam.trim()).filter((n) => n !== '' && !linked.has(n)))],
  };
}

/** "Eva Mulder (Hulpverlener)". */
export function memberLabel(m: MemberOption): string {
  return `${m.name} (${translate(`role.${m.role}`)})`;
}

/** Who does something, in words: a member's name, a network person's name, or "Nog niemand". */
export function wieLabel(wie: Wie | null, leden: readonly MemberOption[]): string {
  if (wie === null) return translate('wie.niemand');
  if (wie.kind === 'netwerk') return wie.naam.trim() || translate('wie.niemand');
  const member = leden.find((m) => m.memberId === wie.memberId);
  return member ? member.name : translate('lid.onbekend');
}

/** The select value of a Wie (the same key the Acties view groups owners by). */
export function wieValue(wie: Wie | null): string {
  return wie === null ? '' : ownerKey(wie);
}

/** Reads a select value back into a Wie; '' is nobody. Example: `parseWieValue('lid:m1')` → `{ kind: 'lid', memberId: 'm1' }`. */
export function parseWieValue(value: string): Wie | null {
  if (value.startsWith('lid:') && value.length > 4) return { kind: 'lid', memberId: value.slice(4) };
  if (value.startsWith('netwerk:')) return { kind: 'netwerk', naam: value.slice(8) };
  return null;
}
