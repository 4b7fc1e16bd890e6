import { translate } from '../../../shared/src/i18n/translate';
import type { ActieStatus, DoelStatus, VoorstelRef, Wanneer, Wie } from '../../../shared/src/schema/blocks/doelenActies';
import type { BetwistDoel, Score } from '../../../shared/src/schema/blocks/eigen';
import type { Leeftijd } from '../../../shared/src/schema/blocks/mensen';
import type { ValueField } from '../../../shared/src/schema/fields';
import { useFormOptions } from './formOptionsContext';
import { BetwistDoelSelect, RefsCheckboxes, RefSelect } from './refWidgets';
import { DateInput, EnumSelect, LineInput, PrioriteitSelect, YesNoSelect } from './simpleWidgets';
import { ActieStatusInput, DoelStatusInput } from './statusWidgets';
import { LeeftijdInput, ScoreSelect, WanneerInput, WieInput } from './unionWidgets';
import type { WidgetProps } from './widgetProps';

type ValueControlProps = Omit<WidgetProps<unknown>, 'label'> & { readonly field: ValueField<unknown> };

/**
 * The widget of one value field, picked by the field's `input` (declared with the field in
 * `shared/schema`). The value has passed the field's guard on read, so each widget gets its own type.
 */
export function ValueControl({ field, ...rest }: ValueControlProps) {
  const props = { ...rest, label: translate(field.labelKey) };
  const input = field.input;
  if (!input) return null;
  switch (input.kind) {
    case 'enum':
      return <EnumSelect {...(props as WidgetProps<string | number | null>)} options={input.options} allowEmpty={input.allowEmpty} />;
    case 'date':
      return <DateInput {...(props as WidgetProps<string | null>)} />;
    case 'yesNo':
      return <YesNoSelect {...(props as WidgetProps<boolean | null>)} />;
    case 'line':
      return <LineInput {...(props as WidgetProps<string>)} />;
    case 'prioriteit':
      return <PrioriteitSelect {...(props as WidgetProps<number | null>)} />;
    case 'ref':
      return <RefSelect {...(props as WidgetProps<string | null>)} to={input.to} />;
    case 'refs':
      return <RefsCheckboxes {...(props as WidgetProps<readonly string[]>)} to={input.to} />;
    case 'betwistDoel':
      return <BetwistDoelSelect {...(props as WidgetProps<BetwistDoel | null>)} />;
    case 'wie':
      return <WieInput {...(props as WidgetProps<Wie | null>)} />;
    case 'wanneer':
      return <WanneerInput {...(props as WidgetProps<Wanneer | null>)} />;
    case 'score':
      return <ScoreSelect {...(props as WidgetProps<Score | null>)} />;
    case 'doelStatus':
      return <DoelStatusInput {...(props as WidgetProps<DoelStatus>)} />;
    case 'actieStatus':
      return <ActieStatusInput {...(props as WidgetProps<ActieStatus>)} />;
    case 'leeftijd':
      return <LeeftijdInput {...(props as WidgetProps<Leeftijd | null>)} />;
    case 'voorstel':
      return <VoorstelNote value={props.value as VoorstelRef | null} />;
    default: {
      const never: never = input;
      return never;
    }
  }
}

/** Shown, never edited: the own goal this goal was adopted from. */
function VoorstelNote({ value }: { value: VoorstelRef | null }) {
  const { leden } = useFormOptions();
  if (value === null) return null;
  const name = leden.find((m) => m.memberId === value.memberId)?.name ?? translate('lid.onbekend');
  return <p className="field field--note">{translate('voorstel.van', { name })}</p>;
}
