import { useId } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { BLOCK_INFO, type BlockKey } from '../../../shared/src/schema/blockCatalog';
import { vensterLabelKey } from '../../../shared/src/schema/blocks/goedGenoeg';
import { blockAnchor } from './BlockSection';
import { vensterGroups } from './tocGroups';

/** A link below the plan blocks (Acties, the member's own part …). */
export interface TocLink {
  readonly href: string;
  readonly label: string;
}

/** The table of contents: the blocks grouped by venster, then the other parts of the page. Plain links. */
export function TableOfContents({ order, extra }: { order: readonly BlockKey[]; extra: readonly TocLink[] }) {
  const id = useId();
  return (
    <nav className="toc" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="toc__title">
        {translate('toc.title')}
      </h2>
      <ol className="toc__groups">
        {vensterGroups(order).map((group, i) => (
          <li key={`${group.venster}-${i}`} className="toc__group">
            {group.venster > 0 && <span className="toc__venster">{`${group.venster}. ${translate(vensterLabelKey(group.venster as 1 | 2 | 3 | 4))}`}</span>}
            <ul className="toc__links">
              {group.blocks.map((block) => (
                <li key={block}>
                  <a href={`#${blockAnchor(block)}`}>{translate(BLOCK_INFO[block].labelKey)}</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {extra.length > 0 && (
          <li className="toc__group">
            <span className="toc__venster">{translate('toc.verder')}</span>
            <ul className="toc__links">
              {extra.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          </li>
        )}
      </ol>
    </nav>
  );
}
