import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { eigenDoelen, eigenKrachten, eigenZorgen } from '../../../shared/src/schema/blocks/eigen';
import { proposedGoals, withOwnItems } from '../../../shared/src/schema/eigenViews';
import { ItemCard } from './ItemCard';
import { ProposalDecision } from './ProposalDecision';
import type { AnyItem } from './listBinding';
import { memberRef, usePlanData } from './planData';

const noop = () => undefined;

/**
 * Each party's own worries or strengths, appended read-only to the shared Zorgen or Wat gaat goed list and
 * marked with whose view they come from (issue #5). They are edited in the owner's own part of the plan.
 */
export function OwnItemCards({ kind, start, noun }: { kind: 'zorgen' | 'krachten'; start: number; noun: string }) {
  const { eigen } = usePlanData();
  const own = withOwnItems<AnyItem>(
    [],
    eigen.map((e) => ({ member: memberRef(e.member), items: e.snapshot.lists[kind] as unknown as readonly AnyItem[] })),
  );
  const spec = kind === 'zorgen' ? eigenZorgen.spec : eigenKrachten.spec;
  return (
    <>
      {own.map((entry, i) =>
        entry.kind === 'eigen' ? (
          <ItemCard
            key={`${entry.member.memberId}/${entry.item.id}`}
            item={entry.item}
            index={start + i}
            count={start + own.length}
            spec={spec}
            binding={null}
            editable={false}
            title={`${noun} ${start + i + 1}`}
            badge={<span className="badge badge--own">{translate('list.own', { name: entry.member.name })}</span>}
            focus={null}
            onFocused={noop}
          />
        ) : null,
      )}
    </>
  );
}

/**
 * Own goals not adopted or declined yet, shown in Doelen en acties as "voorgesteld" with the proposer
 * (issue #5); the jeugdbeschermer adopts or declines them here (issue #6).
 */
export function ProposalCards({ start, noun }: { start: number; noun: string }) {
  const { eigen, gezamenlijk, plan } = usePlanData();
  const mayDecide = can(plan.me, 'adoptProposal');
  const voorstellen = proposedGoals(
    gezamenlijk.snapshot.lists.doelen,
    eigen.map((e) => ({ member: memberRef(e.member), doelen: e.snapshot.lists.doelen })),
  );
  return (
    <>
      {voorstellen.map(({ member, doel }, i) => (
        <ItemCard
          key={`${member.memberId}/${doel.id}`}
          item={doel as unknown as AnyItem}
          index={start + i}
          count={start + voorstellen.length}
          spec={eigenDoelen.spec}
          binding={null}
          editable={false}
          title={`${noun} ${start + i + 1}`}
          badge={
            <span className="badge-row">
              <span className="badge badge--status">{translate('doelStatus.voorgesteld')}</span>
              <span className="badge badge--own">{translate('voorstel.label', { name: member.name })}</span>
            </span>
          }
          renderExtra={() => (
            <>
              <p className="muted small">{translate('voorstel.uitleg', { name: member.name })}</p>
              {mayDecide && <ProposalDecision planId={plan.planId} memberId={member.memberId} doelId={doel.id} />}
            </>
          )}
          focus={null}
          onFocused={noop}
        />
      ))}
    </>
  );
}
