import { useCallback, useId, useMemo } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { EIGEN_BLOCK_INFO, EIGEN_BLOCKS, type EigenBlockKey } from '../../../shared/src/schema/blockCatalog';
import { todayIn } from '../../../shared/src/schema/overdue';
import { LISTS_V2, type ListKeyV2 } from '../../../shared/src/schema/registryV2';
import { ThreadColumn } from '../comments/ThreadColumn';
import { Heading, type HeadingLevel } from './Heading';
import { bindList, type AnyItem } from './listBinding';
import { ListEditor } from './ListEditor';
import { usePlanData, type EigenDocData } from './planData';
import { ProseField } from './ProseField';
import { TargetWarnings } from './WarningList';

/** A new score round is dated today: the scale shows each party's latest round by date. */
function newScoreRound() {
  return { datum: todayIn(new Date()) };
}

/**
 * A member's own doc: "Zo zie ik het", own goals, worries, strengths, disputes and score rounds
 * (`EIGEN_BLOCKS`). Writable for its owner; read-only for everyone else (issue #6 adds the jeugdbeschermer
 * for a child under 12, whose writes are then marked "namens" through `eigen.author`).
 */
export function EigenDocView({ eigen, level, showHints }: { eigen: EigenDocData; level: HeadingLevel; showHints: boolean }) {
  return (
    <div className="eigen-doc" data-member-id={eigen.member.memberId}>
      {EIGEN_BLOCKS.map((block) => (
        <EigenBlock key={block} block={block} eigen={eigen} level={level} showHints={showHints} />
      ))}
    </div>
  );
}

function EigenBlock({ block, eigen, level, showHints }: { block: EigenBlockKey; eigen: EigenDocData; level: HeadingLevel; showHints: boolean }) {
  const id = useId();
  const { user } = usePlanData();
  const info = EIGEN_BLOCK_INFO[block];
  return (
    <section className="eigen-block" aria-labelledby={`${id}-h`} data-eigen-block={block}>
      <Heading level={level} id={`${id}-h`}>
        {translate(info.labelKey)}
      </Heading>
      {showHints && <p className="section-hint">{translate(info.hintKey)}</p>}
      <div className="block__layout">
        <div className="block__content">
          {info.prose.map((p) => (
            <ProseField
              key={p}
              connection={eigen.connection}
              kind="eigen"
              proseKey={p}
              user={user}
              editable={eigen.editable}
              level={level}
              showHeading={false}
              showHint={false}
            />
          ))}
          {info.lists.map((l) => (
            <EigenList key={l} block={block} listKey={l} eigen={eigen} level={level} />
          ))}
        </div>
        <ThreadColumn
          place={{ kind: 'eigen', memberId: eigen.member.memberId, block }}
          blockLabel={translate(info.labelKey)}
          blockAnchor={{ kind: 'block', docName: eigen.connection.docName, block }}
        />
      </div>
    </section>
  );
}

function EigenList({ block, listKey, eigen, level }: { block: EigenBlockKey; listKey: ListKeyV2<'eigen'>; eigen: EigenDocData; level: HeadingLevel }) {
  const { connection, author, editable, snapshot, member } = eigen;
  const binding = useMemo(() => bindList(connection.doc, LISTS_V2.eigen[listKey], author), [connection.doc, listKey, author]);
  const commentList = useMemo(() => ({ docName: connection.docName, list: listKey }), [connection.docName, listKey]);
  const scoreWarnings = useCallback(
    (item: AnyItem) => <TargetWarnings target={{ kind: 'score', memberId: member.memberId, rondeId: item.id }} />,
    [member.memberId],
  );
  return (
    <ListEditor
      wordsKey={block}
      binding={binding}
      items={snapshot.lists[listKey] as unknown as readonly AnyItem[]}
      editable={editable}
      level={level}
      itemExtra={listKey === 'scores' ? scoreWarnings : undefined}
      newItem={listKey === 'scores' ? newScoreRound : undefined}
      commentList={commentList}
    />
  );
}
