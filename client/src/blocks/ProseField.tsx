import { useId } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import type { DocKind } from '../../../shared/src/schema/docNames';
import { proseInfoV2, proseV2, type ProseKeyV2 } from '../../../shared/src/schema/proseV2';
import { useProseComments } from '../comments/useProseComments';
import { ProseEditor } from '../editor/ProseEditor';
import type { CaretUser, DocConnection } from '../sync/docConnection';
import { Heading, type HeadingLevel } from './Heading';

interface ProseFieldProps<K extends DocKind> {
  readonly connection: DocConnection;
  readonly kind: K;
  readonly proseKey: ProseKeyV2<K>;
  readonly user: CaretUser;
  readonly editable: boolean;
  readonly level: HeadingLevel;
  /** False to leave out the heading (the block heading already names the field). */
  readonly showHeading?: boolean;
  readonly showHint?: boolean;
}

/** A prose field of a block (aanleiding, gewogen oordeel, a toelichting) in the live Tiptap editor. */
export function ProseField<K extends DocKind>({ connection, kind, proseKey, user, editable, level, showHeading = true, showHint = true }: ProseFieldProps<K>) {
  const id = useId();
  const info = proseInfoV2(kind, proseKey);
  const label = translate(info.labelKey);
  const comments = useProseComments(connection.docName, proseKey);
  return (
    <div className="prose-field">
      {showHeading && (
        <Heading level={level} id={`${id}-h`} className="prose-field__heading">
          {label}
        </Heading>
      )}
      {showHint && (
        <p id={`${id}-hint`} className="section-hint">
          {translate(info.hintKey)}
        </p>
      )}
      <ProseEditor
        fragment={proseV2(connection.doc, kind, proseKey)}
        provider={connection.provider}
        user={user}
        label={label}
        describedBy={showHint ? `${id}-hint` : ''}
        editable={editable}
        comments={comments}
      />
    </div>
  );
}
