import { translate } from '../i18n/translate';
import { actieStatusLabelKey, doelStatusLabelKey, type ActieStatus, type DoelStatus, type VoorstelRef, type Wanneer, type Wie } from '../schema/blocks/doelenActies';
import type { BetwistDoel, Score } from '../schema/blocks/eigen';
import type { Leeftijd } from '../schema/blocks/mensen';
import type { ValueInput } from '../schema/fields';
import { formatDay } from './formatDate';
import { memberLabel, wieLabel, type FormOptions, type Option } from './formOptions';

function labelIn(options: readonly Option[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? translate('ref.missing');
}

function refLabel(to: 'gevaarszin' | 'doel' | 'lid', id: string, options: FormOptions): string {
  if (to === 'lid') {
    const m = options.leden.find((l) => l.memberId === id);
    return m ? memberLabel(m) : translate('lid.onbekend');
  }
  return labelIn(to === 'gevaarszin' ? options.gevaarszinnen : options.doelen, id);
}

/**
 * A value field's value in words, for the read-only view of a card (a parent reading the plan on a phone
 * gets sentences, not greyed-out form controls). Null when there is nothing to show.
 *
 * @example valueText({ kind: 'score' }, { kind: 'cijfer', cijfer: 6 }, options) // '6 van 10'
 */
export function valueText(input: ValueInput | undefined, value: unknown, options: FormOptions): string | null {
  if (value === null || value === undefined || input === undefined) return null;
  switch (input.kind) {
    case 'enum': {
      const option = input.options.find((o) => o.value === value);
      return option ? translate(option.labelKey) : null;
    }
    case 'date':
      return formatDay(value as string);
    case 'yesNo':
      return translate(value ? 'yesNo.ja' : 'yesNo.nee');
    case 'line':
      return (value as string).trim() || null;
    case 'prioriteit':
      return value === 1 ? translate('prioriteit.veiligheid') : String(value);
    case 'ref':
      return refLabel(input.to, value as string, options);
    case 'refs': {
      const ids = value as readonly string[];
      if (ids.length === 0) return null;
      return ids.map((id) => labelIn(input.to === 'persoon' ? options.personen : options.acties, id)).join(', ');
    }
    case 'betwistDoel': {
      const over = value as BetwistDoel;
      return labelIn(over.kind === 'zorg' ? options.zorgen : options.tijdlijn, over.id);
    }
    case 'wie':
      return wieLabel(value as Wie, options.leden);
    case 'wanneer': {
      const w = value as Wanneer;
      return w.kind === 'datum' ? formatDay(w.datum) : w.tekst.trim() || translate('wanneer.herhaling');
    }
    case 'score': {
      const s = value as Score;
      return s.kind === 'cijfer' ? translate('score.vanTien', { cijfer: s.cijfer }) : translate('score.geenCijfer');
    }
    case 'doelStatus': {
      const s = value as DoelStatus;
      const label = translate(doelStatusLabelKey(s.kind));
      return s.kind === 'afgewezen' && s.reden.trim() ? `${label}: ${s.reden.trim()}` : label;
    }
    case 'actieStatus': {
      const s = value as ActieStatus;
      return s.kind === 'gedaan' && s.op ? translate('actieStatus.gedaanOp', { date: formatDay(s.op) }) : translate(actieStatusLabelKey(s.kind));
    }
    case 'leeftijd': {
      const l = value as Leeftijd;
      return l.kind === 'leeftijd' ? translate('leeftijd.leeftijd', { count: l.jaren }) : translate('leeftijd.geboortejaar', { year: l.jaar });
    }
    case 'voorstel': {
      const v = value as VoorstelRef;
      const name = options.leden.find((m) => m.memberId === v.memberId)?.name ?? translate('lid.onbekend');
      return translate('voorstel.van', { name });
    }
    default: {
      const never: never = input;
      return never;
    }
  }
}
