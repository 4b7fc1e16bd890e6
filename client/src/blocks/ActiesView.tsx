import { memo, useId, useMemo, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { ActieRij } from '../../../shared/src/schema/actiesView';
import { actieStatusLabelKey } from '../../../shared/src/schema/blocks/doelenActies';
import { can } from '../../../shared/src/permissions/can';
import { daysOverdue } from '../../../shared/src/schema/overdue';
import { wieLabel } from '../fields/formOptions';
import { useFormOptions } from '../fields/formOptionsContext';
import { actiesOverview, ownerOptions, toActieFilter, type FilterChoice } from './actiesOverview';
import { formatDay } from '../fields/formatDate';
import { ActieStatusControl } from './ActieStatusControl';
import { usePlanData } from './planData';

/** The anchor of the Acties view. */
export const ACTIES_ANCHOR = 'acties';

const CHOICES: readonly { value: FilterChoice; labelKey: 'acties.filter.alle' | 'acties.filter.mijn' | 'acties.filter.teLaat' | 'acties.filter.eigenaar' }[] = [
  { value: 'alle', labelKey: 'acties.filter.alle' },
  { value: 'mijn', labelKey: 'acties.filter.mijn' },
  { value: 'teLaat', labelKey: 'acties.filter.teLaat' },
  { value: 'eigenaar', labelKey: 'acties.filter.eigenaar' },
];

/** Acties (issue #5): all actions with owner, due date, status and goal; filters; own actions first. */
export function ActiesView() {
  const id = useId();
  const { plan, gezamenlijk, now } = usePlanData();
  const { leden } = useFormOptions();
  const [choice, setChoice] = useState<FilterChoice>('alle');
  const doelen = gezamenlijk.snapshot.lists.doelen;
  const owners = useMemo(() => ownerOptions(doelen, leden), [doelen, leden]);
  const [eigenaar, setEigenaar] = useState('');
  const pickedOwner = owners.some((o) => o.value === eigenaar) ? eigenaar : (owners[0]?.value ?? '');
  const me = plan.me.memberId;
  // Only recomputed when the goals, the filter or the minute change, not on every keystroke elsewhere.
  const { rows, total } = useMemo(() => actiesOverview(doelen, now, toActieFilter(choice, me, pickedOwner), me), [doelen, now, choice, me, pickedOwner]);

  return (
    <section id={ACTIES_ANCHOR} className="plan-section" aria-labelledby={`${id}-h`} data-testid="acties">
      <h2 id={`${id}-h`}>{translate('acties.title')}</h2>
      <p className="section-hint">{translate('acties.hint')}</p>
      <fieldset className="filter">
        <legend>{translate('acties.filter.label')}</legend>
        <div className="filter__choices">
          {CHOICES.map((c) => (
            <label key={c.value} className="filter__choice" htmlFor={`${id}-${c.value}`}>
              <input id={`${id}-${c.value}`} type="radio" name={`${id}-filter`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
              {translate(c.labelKey)}
            </label>
          ))}
        </div>
        {choice === 'eigenaar' && (
          <div className="field">
            <label htmlFor={`${id}-eigenaar`}>{translate('acties.eigenaar.label')}</label>
            <select id={`${id}-eigenaar`} value={pickedOwner} onChange={(e) => setEigenaar(e.target.value)}>
              {owners.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      <p className="muted small" aria-live="polite">
        {translate('acties.aantal', { count: rows.length, total })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{translate('acties.leeg')}</p>
      ) : (
        <ul className="actie-list">
          {rows.map((row) => (
            <ActieRow key={row.actie.id} row={row} me={plan.me.memberId} now={now} planId={plan.planId} mayAlwaysSet={can(plan.me, 'setActionStatus', { actionOwnerId: null })} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ActieRowProps {
  row: ActieRij;
  me: string;
  now: Date;
  planId: string;
  /** The jeugdbeschermer sets any action's status; others only their own ([R11]). */
  mayAlwaysSet: boolean;
}

const ActieRow = memo(function ActieRow({ row, me, now, planId, mayAlwaysSet }: ActieRowProps) {
  const { leden } = useFormOptions();
  const { actie, doel, teLaat } = row;
  const mine = actie.wie?.kind === 'lid' && actie.wie.memberId === me;
  const days = daysOverdue(actie, now);
  const wanneer =
    actie.wanneer === null ? translate('wanneer.geen') : actie.wanneer.kind === 'datum' ? formatDay(actie.wanneer.datum) : actie.wanneer.tekst || translate('wanneer.herhaling');
  const status =
    actie.status.kind === 'gedaan' && actie.status.op
      ? translate('actieStatus.gedaanOp', { date: formatDay(actie.status.op) })
      : translate(actieStatusLabelKey(actie.status.kind));
  return (
    <li className={teLaat ? 'actie actie--late' : 'actie'} data-actie-id={actie.id} data-mine={mine ? 'true' : 'false'}>
      <p className="actie__wat">
        {actie.wat.trim() || translate('list.acties.item')}
        {mine && <span className="badge badge--mine">{translate('acties.uwActie')}</span>}
        {teLaat && (
          <span className="badge badge--late">{days === 1 ? translate('acties.teLaatDag') : translate('acties.teLaatDagen', { count: days })}</span>
        )}
      </p>
      <dl className="actie__facts">
        <div>
          <dt>{translate('field.actie.wie')}</dt>
          <dd>{wieLabel(actie.wie, leden)}</dd>
        </div>
        <div>
          <dt>{translate('field.actie.wanneer')}</dt>
          <dd>{wanneer}</dd>
        </div>
        <div>
          <dt>{translate('field.actie.status')}</dt>
          <dd>
            {mine || mayAlwaysSet ? (
              <ActieStatusControl planId={planId} actieId={actie.id} doelId={doel.id} current={actie.status.kind} label={actie.wat.trim() || translate('list.acties.item')} />
            ) : (
              status
            )}
          </dd>
        </div>
        <div>
          <dt>{translate('acties.doel')}</dt>
          <dd>
            <a href={`#item-${doel.id}`}>{doel.titel.trim() || translate('list.doelen.item')}</a>
          </dd>
        </div>
      </dl>
    </li>
  );
});
