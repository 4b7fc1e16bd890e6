import { useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { Wanneer, Wie } from '../../../shared/src/schema/blocks/doelenActies';
import type { Score } from '../../../shared/src/schema/blocks/eigen';
import type { Leeftijd } from '../../../shared/src/schema/blocks/mensen';
import { memberLabel, parseWieValue, wieValue } from './formOptions';
import { useFormOptions } from './formOptionsContext';
import { DateInput, LineInput } from './simpleWidgets';
import type { WidgetProps } from './widgetProps';

const ANDERS = '__anders';

/** Who: a plan member, a network person from the netwerk list, someone else by name, or nobody yet. */
export function WieInput({ id, label, value, editable, onChange, describedBy }: WidgetProps<Wie | null>) {
  const { leden, netwerkNamen } = useFormOptions();
  const [typing, setTyping] = useState(false);
  const current = wieValue(value);
  const names = value?.kind === 'netwerk' && value.naam.trim() !== '' && !netwerkNamen.includes(value.naam) ? [...netwerkNamen, value.naam] : netwerkNamen;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={typing ? ANDERS : current}
        disabled={!editable}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          if (e.target.value === ANDERS) return setTyping(true);
          setTyping(false);
          onChange(parseWieValue(e.target.value));
        }}
      >
        <option value="">{translate('wie.niemand')}</option>
        {leden.length > 0 && (
          <optgroup label={translate('wie.lid')}>
            {leden.map((m) => (
              <option key={m.memberId} value={`lid:${m.memberId}`}>
                {memberLabel(m)}
              </option>
            ))}
          </optgroup>
        )}
        {names.length > 0 && (
          <optgroup label={translate('wie.netwerk')}>
            {names.map((n) => (
              <option key={n} value={`netwerk:${n}`}>
                {n}
              </option>
            ))}
          </optgroup>
        )}
        {value?.kind === 'lid' && !leden.some((m) => m.memberId === value.memberId) && <option value={current}>{translate('lid.onbekend')}</option>}
        <option value={ANDERS}>{translate('wie.anders')}</option>
      </select>
      {typing && editable && (
        <NameEntry
          id={`${id}-naam`}
          onDone={(naam) => {
            setTyping(false);
            if (naam.trim() !== '') onChange({ kind: 'netwerk', naam: naam.trim() });
          }}
        />
      )}
    </div>
  );
}

function NameEntry({ id, onDone }: { id: string; onDone: (naam: string) => void }) {
  const [naam, setNaam] = useState('');
  return (
    <div className="field field--sub">
      <label htmlFor={id}>{translate('wie.naam')}</label>
      <input
        id={id}
        type="text"
        className="text-input"
        value={naam}
        // Opened by choosing "Iemand anders" in the select just above: typing the name is the next step.
        autoFocus
        onChange={(e) => setNaam(e.target.value)}
        onBlur={() => onDone(naam)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onDone(naam);
          }
        }}
      />
    </div>
  );
}

type WanneerMode = '' | 'datum' | 'herhaling';

/** When: a date, a recurrence in words ("elke avond"), or not yet known. */
export function WanneerInput({ id, label, value, editable, onChange, describedBy }: WidgetProps<Wanneer | null>) {
  const [picked, setPicked] = useState<WanneerMode | null>(null);
  const mode: WanneerMode = picked ?? value?.kind ?? '';
  return (
    <fieldset className="field field--group" aria-describedby={describedBy || undefined}>
      <legend>{label}</legend>
      <label htmlFor={`${id}-soort`} className="visually-hidden">
        {translate('wanneer.kies')}
      </label>
      <select
        id={`${id}-soort`}
        value={mode}
        disabled={!editable}
        onChange={(e) => {
          const next = e.target.value as WanneerMode;
          setPicked(next);
          if (next === '') onChange(null);
          if (next === 'herhaling' && value?.kind !== 'herhaling') onChange({ kind: 'herhaling', tekst: '' });
        }}
      >
        <option value="">{translate('wanneer.geen')}</option>
        <option value="datum">{translate('wanneer.datum')}</option>
        <option value="herhaling">{translate('wanneer.herhaling')}</option>
      </select>
      {mode === 'datum' && (
        <DateInput
          id={`${id}-datum`}
          label={translate('wanneer.datumLabel')}
          value={value?.kind === 'datum' ? value.datum : null}
          editable={editable}
          onChange={(datum) => onChange(datum === null ? null : { kind: 'datum', datum })}
        />
      )}
      {mode === 'herhaling' && (
        <LineInput
          id={`${id}-herhaling`}
          label={translate('wanneer.herhalingLabel')}
          value={value?.kind === 'herhaling' ? value.tekst : ''}
          editable={editable}
          onChange={(tekst) => onChange({ kind: 'herhaling', tekst })}
        />
      )}
    </fieldset>
  );
}

const CIJFERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** A safety score: 0–10, or "Ik geef geen cijfer"; not chosen yet is null. */
export function ScoreSelect({ id, label, value, editable, onChange, describedBy }: WidgetProps<Score | null>) {
  const current = value === null ? '' : value.kind === 'geenCijfer' ? 'geen' : String(value.cijfer);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={current}
        disabled={!editable}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === '' ? null : v === 'geen' ? { kind: 'geenCijfer' } : { kind: 'cijfer', cijfer: Number(v) });
        }}
      >
        <option value="">{translate('score.kies')}</option>
        {CIJFERS.map((c) => (
          <option key={c} value={String(c)}>
            {translate('score.vanTien', { cijfer: c })}
          </option>
        ))}
        <option value="geen">{translate('score.geenCijfer')}</option>
      </select>
    </div>
  );
}

type LeeftijdMode = '' | Leeftijd['kind'];

/** An age in years or a year of birth, whichever people know; or not known. */
export function LeeftijdInput({ id, label, value, editable, onChange, describedBy }: WidgetProps<Leeftijd | null>) {
  const [picked, setPicked] = useState<LeeftijdMode | null>(null);
  // What is typed while focused: "19" on the way to "1990" is no valid year yet and is not stored.
  const [draft, setDraft] = useState<string | null>(null);
  const mode: LeeftijdMode = picked ?? value?.kind ?? '';
  const number = value === null ? '' : String(value.kind === 'leeftijd' ? value.jaren : value.jaar);
  const [min, max] = mode === 'geboortejaar' ? [1900, 2200] : [0, 130];
  return (
    <fieldset className="field field--group" aria-describedby={describedBy || undefined}>
      <legend>{label}</legend>
      <label htmlFor={`${id}-soort`} className="visually-hidden">
        {translate('leeftijd.kies')}
      </label>
      <select
        id={`${id}-soort`}
        value={mode}
        disabled={!editable}
        onChange={(e) => {
          const next = e.target.value as LeeftijdMode;
          setPicked(next);
          if (next === '') onChange(null);
        }}
      >
        <option value="">{translate('leeftijd.onbekend')}</option>
        <option value="leeftijd">{translate('leeftijd.soort.leeftijd')}</option>
        <option value="geboortejaar">{translate('leeftijd.soort.geboortejaar')}</option>
      </select>
      {mode !== '' && (
        <div className="field field--sub">
          <label htmlFor={`${id}-getal`}>{translate(mode === 'leeftijd' ? 'leeftijd.jaren' : 'leeftijd.jaar')}</label>
          <input
            id={`${id}-getal`}
            type="number"
            inputMode="numeric"
            className="number-input"
            min={min}
            max={max}
            readOnly={!editable}
            value={draft ?? (value?.kind === mode ? number : '')}
            onFocus={() => setDraft(value?.kind === mode ? number : '')}
            onBlur={() => setDraft(null)}
            onChange={(e) => {
              setDraft(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value === '' || !Number.isInteger(n) || n < min || n > max) return;
              onChange(mode === 'leeftijd' ? { kind: 'leeftijd', jaren: n } : { kind: 'geboortejaar', jaar: n });
            }}
          />
        </div>
      )}
    </fieldset>
  );
}
