import { useId, useMemo } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { BLOCK_INFO, type BlockKey } from '../../../shared/src/schema/blockCatalog';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { RECORDS_V2, type RecordKeyV2 } from '../../../shared/src/schema/registryV2';
import { ThreadColumn } from '../comments/ThreadColumn';
import { GezamenlijkList } from './GezamenlijkList';
import { deeper, Heading, type HeadingLevel } from './Heading';
import { bindRecord } from './listBinding';
import { usePlanData } from './planData';
import { ProseField } from './ProseField';
import { ReadOnlyNote } from './ReadOnlyNote';
import { RecordForm } from './RecordForm';
import { ScoreScale } from './ScoreScale';
import { WarningList } from './WarningList';

/** The anchor of a block, for the table of contents. */
export function blockAnchor(block: BlockKey): string {
  return `blok-${block}`;
}

type Part = 'schaal' | 'records' | 'lists' | 'prose';

/** The veiligheidskaart leads with everyone's score; its oordeel's who-and-when sits under the oordeel. */
function partsOf(block: BlockKey): readonly Part[] {
  return block === 'veiligheidskaart' ? ['schaal', 'lists', 'prose', 'records'] : ['records', 'lists', 'prose'];
}

/** One block of `gezamenlijk`: heading, hint, its warnings, and its records, lists and prose (`BLOCK_INFO`). */
export function BlockSection({ block, level }: { block: BlockKey; level: HeadingLevel }) {
  const id = useId();
  const data = usePlanData();
  const { gezamenlijk, user, warnings } = data;
  const info = BLOCK_INFO[block];
  const sub = deeper(level);
  const blockWarnings = warnings.filter((w) => w.target.kind === 'blok' && w.target.blok === block);

  const render = (part: Part) => {
    switch (part) {
      case 'schaal':
        return <ScoreScale key={part} level={sub} />;
      case 'records':
        return info.records.map((r) => <BlockRecord key={r} recordKey={r} />);
      case 'lists': {
        const lists = info.lists.map((l) => <GezamenlijkList key={l} listKey={l} level={sub} withHeading={info.lists.length > 1} />);
        // Several short lists (the veiligheidskaart's signals) sit side by side on a wide screen.
        return info.lists.length > 2 ? (
          <div key={part} className="list-grid">
            {lists}
          </div>
        ) : (
          lists
        );
      }
      case 'prose':
        return info.prose.map((p) => (
          <ProseField key={p} connection={gezamenlijk.connection} kind="gezamenlijk" proseKey={p} user={user} editable={gezamenlijk.editable} level={sub} />
        ));
      default: {
        const never: never = part;
        return never;
      }
    }
  };

  return (
    <section id={blockAnchor(block)} className="plan-section block" aria-labelledby={`${id}-h`} data-block={block}>
      <Heading level={level} id={`${id}-h`}>
        {translate(info.labelKey)}
      </Heading>
      <p className="section-hint">{translate(info.hintKey)}</p>
      <ReadOnlyNote reason={gezamenlijk.readOnlyReason} />
      <WarningList warnings={blockWarnings} />
      <div className="block__layout">
        <div className="block__content">{partsOf(block).map(render)}</div>
        <ThreadColumn place={{ kind: 'block', block }} blockLabel={translate(info.labelKey)} blockAnchor={{ kind: 'block', docName: GEZAMENLIJK, block }} />
      </div>
    </section>
  );
}

function BlockRecord({ recordKey }: { recordKey: RecordKeyV2<'gezamenlijk'> }) {
  const { gezamenlijk } = usePlanData();
  const { connection, author, editable, snapshot } = gezamenlijk;
  const binding = useMemo(() => bindRecord(connection.doc, RECORDS_V2.gezamenlijk[recordKey], author), [connection.doc, recordKey, author]);
  return <RecordForm binding={binding} value={snapshot.records[recordKey] as unknown as Readonly<Record<string, unknown>>} editable={editable} />;
}
