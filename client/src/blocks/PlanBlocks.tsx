import { useId } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { vensterLabelKey } from '../../../shared/src/schema/blocks/goedGenoeg';
import { BlockSection } from './BlockSection';
import { usePlanData } from './planData';
import { vensterGroups, type VensterGroup } from './tocGroups';

/** The blocks of `gezamenlijk` in the plan's order, grouped under their venster (DESIGN.md §1). */
export function PlanBlocks() {
  const { gezamenlijk } = usePlanData();
  return (
    <>
      {vensterGroups(gezamenlijk.snapshot.blokken).map((group, i) =>
        group.venster === 0 ? (
          group.blocks.map((block) => <BlockSection key={block} block={block} level={2} />)
        ) : (
          <VensterSection key={`${group.venster}-${i}`} group={group} />
        ),
      )}
    </>
  );
}

function VensterSection({ group }: { group: VensterGroup }) {
  const id = useId();
  return (
    <section className="venster" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="venster__title">
        <span className="venster__number">{group.venster}</span> {translate(vensterLabelKey(group.venster as 1 | 2 | 3 | 4))}
      </h2>
      {group.blocks.map((block) => (
        <BlockSection key={block} block={block} level={3} />
      ))}
    </section>
  );
}
