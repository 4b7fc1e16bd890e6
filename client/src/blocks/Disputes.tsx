import { translate } from '../../../shared/src/i18n/translate';
import type { BetwistDoel } from '../../../shared/src/schema/blocks/eigen';
import { disputesFor } from '../../../shared/src/schema/eigenViews';
import { AttributionLine } from './AttributionLine';
import { memberRef, usePlanData } from './planData';

/**
 * The disputes of one worry or timeline entry, beside it (DESIGN.md §1: the dispute and the reaction
 * stand beside it, never deleted by others — they live in each disputer's own doc).
 */
export function Disputes({ target }: { target: BetwistDoel }) {
  const { eigen } = usePlanData();
  const found = disputesFor(
    target,
    eigen.map((e) => ({ member: memberRef(e.member), betwistingen: e.snapshot.lists.betwistingen })),
  );
  if (found.length === 0) return null;
  return (
    <ul className="disputes">
      {found.map(({ member, betwisting }) => (
        <li key={`${member.memberId}/${betwisting.id}`} className="dispute">
          <p className="dispute__title">{translate('betwisting.label', { name: member.name })}</p>
          <p className="dispute__text">{betwisting.reactie}</p>
          <AttributionLine created={betwisting.created} updated={betwisting.updated} />
        </li>
      ))}
    </ul>
  );
}
