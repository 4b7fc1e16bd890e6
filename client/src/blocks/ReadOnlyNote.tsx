import { translate } from '../../../shared/src/i18n/translate';

/** The existing read-only note under a heading: why this member may only read. */
export function ReadOnlyNote({ reason, id }: { reason: string | null; id?: string }) {
  if (!reason) return null;
  return (
    <p id={id} className="readonly-note">
      <span className="readonly-badge">{translate('readOnly.badge')}</span> {reason}
    </p>
  );
}
