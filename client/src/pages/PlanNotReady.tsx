import { translate } from '../../../shared/src/i18n/translate';
import { MessagePage } from '../components/MessagePage';
import type { PlanState } from './usePlan';

/** What the plan page and the version pages show while the plan view loads, or why it did not. */
export function PlanNotReady({ state }: { state: Exclude<PlanState, { kind: 'ready' }> }) {
  if (state.kind === 'loading') {
    return (
      <MessagePage title={translate('app.name')}>
        <p>{translate('plan.loading')}</p>
      </MessagePage>
    );
  }
  return (
    <MessagePage title={translate('app.name')} alert>
      <p>{state.message}</p>
    </MessagePage>
  );
}
