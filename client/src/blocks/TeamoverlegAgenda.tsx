import { useId } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { BLOCK_INFO, type BlockKey } from '../../../shared/src/schema/blockCatalog';
import { vensterLabelKey } from '../../../shared/src/schema/blocks/goedGenoeg';
import { blockAnchor } from './BlockSection';
import { OWN_ANCHOR } from './OwnSection';
import { vensterGroups } from './tocGroups';

/**
 * The agenda of an open teamoverleg (issue #8): the vier vensters of this plan in its own order, each a link
 * to its blocks, then the score round, in which every party present gives a score in their own part.
 */
export function TeamoverlegAgenda({ order, hasOwn }: { order: readonly BlockKey[]; hasOwn: boolean }) {
  const id = useId();
  const groups = vensterGroups(order).filter((g) => g.venster > 0);
  return (
    <nav className="plan-section teamoverleg-agenda" aria-labelledby={`${id}-h`} data-testid="teamoverleg-agenda">
      <h2 id={`${id}-h`}>{translate('teamoverleg.agenda')}</h2>
      <ol>
        {groups.map((group, i) => (
          <li key={`${group.venster}-${i}`}>
            {translate(vensterLabelKey(group.venster as 1 | 2 | 3 | 4))} —{' '}
            {group.blocks.map((block, j) => (
              <span key={block}>
                {j > 0 && ', '}
                <a href={`#${blockAnchor(block)}`}>{translate(BLOCK_INFO[block].labelKey)}</a>
              </span>
            ))}
          </li>
        ))}
        <li>
          {translate('teamoverleg.agenda.score')} {hasOwn && <a href={`#${OWN_ANCHOR}`}>{translate('teamoverleg.agenda.scoreGeven')}</a>}
        </li>
      </ol>
    </nav>
  );
}
