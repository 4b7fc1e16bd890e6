import { translate } from '../../../shared/src/i18n/translate';
import type { Warning, WarningTarget } from '../../../shared/src/schema/validation';
import { usePlanData } from './planData';

/** Gentle warnings (issue #5): shown beside what they are about, never blocking anything. */
export function WarningList({ warnings, id }: { warnings: readonly Warning[]; id?: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="warnings" id={id} data-testid="warnings">
      {warnings.map((w) => (
        <li key={`${w.code}:${JSON.stringify(w.target)}`} className="warning" data-code={w.code}>
          <span className="warning__label">{translate('warning.prefix')}</span> {translate(w.messageKey, w.params)}
        </li>
      ))}
    </ul>
  );
}

function sameTarget(a: WarningTarget, b: WarningTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The warnings about one item or block, read from the plan page (so a card need not re-render for them). */
export function TargetWarnings({ target }: { target: WarningTarget }) {
  const { warnings } = usePlanData();
  return <WarningList warnings={warnings.filter((w) => sameTarget(w.target, target))} />;
}
