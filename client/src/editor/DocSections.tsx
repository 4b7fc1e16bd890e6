import { useId } from 'react';
import { translate, type MessageKey } from '../../../shared/src/i18n/translate';
import { proseField, proseSections, type ProseKey } from '../../../shared/src/schema/planSchema';
import type { DocKind } from '../../../shared/src/schema/docNames';
import type { CaretUser, DocConnection } from '../sync/docConnection';
import { useProseComments } from '../comments/useProseComments';
import { useDocReady } from '../sync/useDocReady';
import { ProseEditor } from './ProseEditor';

export interface DocSectionsProps {
  connection: DocConnection;
  kind: DocKind;
  user: CaretUser;
  canWrite: boolean;
  /** Why the member may only read, shown under each heading; null when they may write. */
  readOnlyReason: string | null;
  /** Overrides the schema heading (for another member's view). */
  heading?: string;
  /** Overrides the schema hint; null shows none. */
  hint?: string | null;
  /** A small label above the heading, e.g. "Alleen voor professionals". */
  badge?: string;
  /** 3 inside a region that has its own h2. */
  headingLevel?: 2 | 3;
}

/** Every prose section of one doc, each as a labelled region with its editor. */
export function DocSections({ connection, kind, ...rest }: DocSectionsProps) {
  const ready = useDocReady(connection);
  return (
    <>
      {proseSections(kind).map((section) => (
        <ProseSection
          key={section.key}
          connection={connection}
          kind={kind}
          sectionKey={section.key}
          labelKey={section.labelKey as MessageKey}
          hintKey={section.hintKey as MessageKey}
          ready={ready}
          {...rest}
        />
      ))}
    </>
  );
}

interface ProseSectionProps extends Omit<DocSectionsProps, 'kind' | 'connection'> {
  connection: DocConnection;
  kind: DocKind;
  sectionKey: string;
  labelKey: MessageKey;
  hintKey: MessageKey;
  ready: boolean;
}

function ProseSection(props: ProseSectionProps) {
  const { connection, kind, sectionKey, user, canWrite, readOnlyReason, ready } = props;
  const id = useId();
  const heading = props.heading ?? translate(props.labelKey);
  const hint = props.hint === undefined ? translate(props.hintKey) : props.hint;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const describedBy = [hint ? `${id}-hint` : '', readOnlyReason ? `${id}-ro` : ''].filter(Boolean).join(' ');
  // The key comes from the schema's own section list, so it is a valid section of this kind.
  const fragment = proseField(connection.doc, kind, sectionKey as ProseKey<typeof kind>);
  const comments = useProseComments(connection.docName, sectionKey);
  return (
    <section className="plan-section" aria-labelledby={`${id}-h`}>
      {props.badge && <p className="section-badge">{props.badge}</p>}
      <Heading id={`${id}-h`}>{heading}</Heading>
      {hint && (
        <p id={`${id}-hint`} className="section-hint">
          {hint}
        </p>
      )}
      {readOnlyReason && (
        <p id={`${id}-ro`} className="readonly-note">
          <span className="readonly-badge">{translate('readOnly.badge')}</span> {readOnlyReason}
        </p>
      )}
      <ProseEditor
        fragment={fragment}
        provider={connection.provider}
        user={user}
        label={heading}
        describedBy={describedBy}
        editable={canWrite && ready}
        comments={comments}
      />
    </section>
  );
}
