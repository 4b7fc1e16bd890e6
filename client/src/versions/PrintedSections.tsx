import { useId, type ReactNode } from 'react';
import type { PrintItem, PrintLine, PrintSection } from '../../../shared/src/versions/printVersion';

/**
 * A version read-only, as people read it (issue #8): each block, then each member's own view, from the same
 * printable form the PDF uses. `actions` adds controls under a block's heading (restore, for the
 * jeugdbeschermer).
 */
export function PrintedSections({
  sections,
  actions,
  side,
}: {
  sections: readonly PrintSection[];
  actions?: (section: PrintSection) => ReactNode;
  /** Beside each section's content (under it on a narrow screen): the comment threads on a version's page. */
  side?: (section: PrintSection) => ReactNode;
}) {
  return (
    <>
      {sections.map((section) => (
        <PrintedSection key={section.key} section={section} actions={actions?.(section)} side={side?.(section)} />
      ))}
    </>
  );
}

function PrintedSection({ section, actions, side }: { section: PrintSection; actions: ReactNode; side: ReactNode }) {
  const id = useId();
  const empty = section.records.length === 0 && section.lists.every((l) => l.items.length === 0) && section.prose.every((p) => p.paragraphs.every((t) => t.trim() === ''));
  return (
    <section className="plan-section version-section" aria-labelledby={`${id}-h`} data-section={section.key}>
      <h2 id={`${id}-h`}>{section.titel}</h2>
      {actions}
      <div className="block__layout">
        <div className="block__content">
          {section.records.length > 0 && <Lines lines={section.records} />}
          {section.prose.map((prose) =>
            prose.paragraphs.some((p) => p.trim() !== '') ? (
              <div key={prose.key} className="version-prose">
                <h3>{prose.label}</h3>
                {prose.paragraphs.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            ) : null,
          )}
          {section.lists.map((list) =>
            list.items.length > 0 ? (
              <div key={list.key}>
                {list.label && <h3>{list.label}</h3>}
                <ul className="version-items">
                  {list.items.map((item) => (
                    <Item key={item.id} item={item} />
                  ))}
                </ul>
              </div>
            ) : null,
          )}
          {empty && <p className="muted">—</p>}
        </div>
        {side}
      </div>
    </section>
  );
}

function Item({ item }: { item: PrintItem }) {
  return (
    <li className="version-item">
      <p className="version-item__title">{item.titel || '—'}</p>
      {item.lines.length > 0 && <Lines lines={item.lines} />}
      {item.nested.map((nested) =>
        nested.items.length > 0 ? (
          <div key={nested.key} className="version-item__nested">
            <p className="version-item__nested-label">{nested.label}</p>
            <ul className="version-items">
              {nested.items.map((sub) => (
                <Item key={sub.id} item={sub} />
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {item.door && <p className="attribution">{item.door}</p>}
    </li>
  );
}

function Lines({ lines }: { lines: readonly PrintLine[] }) {
  return (
    <dl className="version-lines">
      {lines.map((line, i) => (
        <div key={i} className="version-lines__row">
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}
