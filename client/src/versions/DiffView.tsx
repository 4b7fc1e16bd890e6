import { useId } from 'react';
import { valueText } from '../../../shared/src/format/valueText';
import type { FormOptions } from '../../../shared/src/format/formOptions';
import { translate } from '../../../shared/src/i18n/translate';
import { BLOCK_INFO } from '../../../shared/src/schema/blockCatalog';
import type { ScoreRonde } from '../../../shared/src/schema/blocks/eigen';
import { isUnchanged, type AnyItem, type DocDiff, type FieldChange, type ListDiff, type ProseChange, type VersionDiff } from '../../../shared/src/versions/compareVersions';
import { itemTitle } from '../../../shared/src/versions/printVersion';
import type { DiffPart } from '../../../shared/src/versions/wordDiff';

/**
 * What changed between two states of the plan (issue #8, "Compare"), block by block: new, removed and
 * changed items field by field, prose with insertions and deletions marked, each party's score. Every
 * change carries `data-change` so a test (or a reader's tool) can count them.
 */
export function DiffView({ diff, options }: { diff: VersionDiff; options: FormOptions }) {
  if (isUnchanged(diff)) return <p data-testid="diff-none">{translate('versies.vergelijk.geen')}</p>;
  return (
    <div className="diff" data-testid="diff">
      {diff.blokken.map((block) => (
        <DiffSection key={block.blok} title={translate(BLOCK_INFO[block.blok].labelKey)} diff={block} options={options} sectionKey={block.blok} />
      ))}
      {diff.scores.length > 0 && (
        <section className="plan-section diff-section" data-section="scores">
          <h2>{translate('versies.vergelijk.cijfers')}</h2>
          <ul className="diff-list">
            {diff.scores.map((s) => (
              <li key={s.member.memberId} data-change="score">
                {translate('versies.vergelijk.cijfer', { name: s.member.name, before: scoreText(s.before, options), after: scoreText(s.after, options) })}
                {s.after?.reden && <span className="diff-reason"> — {s.after.reden}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.eigen.map((e) => (
        <DiffSection key={e.member.memberId} title={translate('versies.vergelijk.eigen', { name: e.member.name })} diff={e} options={options} sectionKey={`eigen-${e.member.memberId}`} />
      ))}
      {diff.professioneel && (diff.professioneel.prose.length > 0 || diff.professioneel.lists.length > 0) && (
        <DiffSection title={translate('plan.professioneel')} diff={diff.professioneel} options={options} sectionKey="professioneel" />
      )}
    </div>
  );
}

function DiffSection({ title, diff, options, sectionKey }: { title: string; diff: DocDiff; options: FormOptions; sectionKey: string }) {
  const id = useId();
  return (
    <section className="plan-section diff-section" aria-labelledby={`${id}-h`} data-section={sectionKey}>
      <h2 id={`${id}-h`}>{title}</h2>
      {diff.records.map((r) => (
        <ul key={r.record} className="diff-list">
          {r.fields.map((f) => (
            <FieldChangeLine key={f.field} change={f} options={options} />
          ))}
        </ul>
      ))}
      {diff.prose.map((p) => (
        <ProseDiff key={p.key} change={p} />
      ))}
      {diff.lists.map((l) => (
        <ListChanges key={l.list} diff={l} options={options} />
      ))}
    </section>
  );
}

function ProseDiff({ change }: { change: ProseChange }) {
  return (
    <div className="diff-prose" data-change="prose" data-key={change.key}>
      <h3>{translate(change.labelKey)}</h3>
      <p className="diff-text">
        <Parts parts={change.parts} />
      </p>
    </div>
  );
}

function ListChanges({ diff, options }: { diff: ListDiff; options: FormOptions }) {
  const title = (item: AnyItem) => itemTitle(diff.spec, item) || '—';
  return (
    <ul className="diff-list">
      {diff.added.map((item) => (
        <li key={item.id} data-change="added">
          <span className="diff-tag diff-tag--added">{translate('versies.vergelijk.toegevoegd')}</span> {title(item)}
        </li>
      ))}
      {diff.removed.map((item) => (
        <li key={item.id} data-change="removed">
          <span className="diff-tag diff-tag--removed">{translate('versies.vergelijk.weggehaald')}</span> <del>{title(item)}</del>
        </li>
      ))}
      {diff.changed.map((c) => (
        <li key={c.id} data-change="changed">
          <span className="diff-tag">{translate('versies.vergelijk.gewijzigd')}</span> {title(c.after)}
          <ul className="diff-list diff-list--nested">
            {c.fields.map((f) => (
              <FieldChangeLine key={f.field} change={f} options={options} />
            ))}
          </ul>
          {c.nested.map((n) => (
            <ListChanges key={n.list} diff={n} options={options} />
          ))}
        </li>
      ))}
    </ul>
  );
}

function FieldChangeLine({ change, options }: { change: FieldChange; options: FormOptions }) {
  const label = translate(change.labelKey);
  if (change.kind === 'text') {
    return (
      <li data-change="field" data-field={change.field}>
        {label}: <Parts parts={change.parts} />
      </li>
    );
  }
  const text = (v: unknown) => valueText(change.input, v, options) ?? translate('versies.vergelijk.leeg');
  return (
    <li data-change="field" data-field={change.field}>
      {translate('versies.vergelijk.waarde', { label, before: text(change.before), after: text(change.after) })}
    </li>
  );
}

/** Inline insertions and deletions; the words are spoken by screen readers as "toegevoegd" / "weggehaald". */
function Parts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.op === 'equal' ? (
          <span key={i}>{part.text}</span>
        ) : part.op === 'insert' ? (
          <ins key={i}>
            <span className="visually-hidden">[{translate('versies.vergelijk.ingevoegd')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">[{translate('versies.vergelijk.verwijderd')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </>
  );
}

function scoreText(ronde: ScoreRonde | null, options: FormOptions): string {
  return ronde ? (valueText({ kind: 'score' }, ronde.score, options) ?? translate('versies.vergelijk.leeg')) : translate('versies.vergelijk.leeg');
}
