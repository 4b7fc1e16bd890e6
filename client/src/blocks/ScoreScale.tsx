import { useId } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { latestScores } from '../../../shared/src/schema/eigenViews';
import { formatDay } from '../fields/formatDate';
import { Heading, type HeadingLevel } from './Heading';
import { memberRef, usePlanData } from './planData';
import { WarningList } from './WarningList';

/**
 * The scale of the veiligheidskaart: every party's latest score with its reason (issue #5). Read from
 * each member's own doc, so nobody changes another person's score (DESIGN.md §1).
 */
export function ScoreScale({ level }: { level: HeadingLevel }) {
  const id = useId();
  const { eigen, warnings } = usePlanData();
  const latest = latestScores(eigen.map((e) => ({ member: memberRef(e.member), scores: e.snapshot.lists.scores })));
  return (
    <div className="scale" role="group" aria-labelledby={`${id}-h`} data-testid="score-scale">
      <Heading level={level} id={`${id}-h`} className="list__heading">
        {translate('kaart.schaal')}
      </Heading>
      <p className="section-hint">{translate('kaart.schaal.hint')}</p>
      {latest.length === 0 && <p className="muted">{translate('kaart.schaal.leeg')}</p>}
      <ul className="scale__list">
        {latest.map(({ member, ronde }) => {
          const score = ronde.score;
          const cijfer = score?.kind === 'cijfer' ? score.cijfer : null;
          const text = score === null ? translate('score.kies') : cijfer === null ? translate('kaart.schaal.geenCijfer') : translate('score.vanTien', { cijfer });
          const own = warnings.filter((w) => w.target.kind === 'score' && w.target.memberId === member.memberId && w.target.rondeId === ronde.id);
          return (
            <li key={member.memberId} className="scale__row" data-member-id={member.memberId}>
              <p className="scale__who">
                {member.name} <span className="muted">({translate(`role.${member.role}`)})</span>
              </p>
              <p className="scale__score">{text}</p>
              <span className="scale__bar" aria-hidden="true">
                {cijfer !== null && <span className="scale__fill" style={{ width: `${cijfer * 10}%` }} />}
              </span>
              <p className="scale__reden">{ronde.reden.trim() || translate('kaart.schaal.geenReden')}</p>
              {ronde.datum && <p className="card__meta">{translate('kaart.schaal.op', { date: formatDay(ronde.datum) })}</p>}
              <WarningList warnings={own} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
