import { useId } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { EigenDocView } from './EigenDocView';
import type { EigenDocData } from './planData';
import { ReadOnlyNote } from './ReadOnlyNote';

/** The anchor of the member's own part. */
export const OWN_ANCHOR = 'mijn-kijk';

/** "Mijn eigen kijk": the signed-in member's own doc, to write in. */
export function OwnSection({ eigen }: { eigen: EigenDocData }) {
  const id = useId();
  return (
    <section id={OWN_ANCHOR} className="plan-section own-section" aria-labelledby={`${id}-h`} data-testid="mijn-kijk">
      <h2 id={`${id}-h`}>{translate('eigen.title')}</h2>
      <p className="section-hint">{translate('eigen.hint')}</p>
      <ReadOnlyNote reason={eigen.readOnlyReason} />
      <EigenDocView eigen={eigen} level={3} showHints />
    </section>
  );
}
