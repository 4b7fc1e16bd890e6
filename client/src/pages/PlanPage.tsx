import { useCallback, useMemo, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { eigenDocName, GEZAMENLIJK, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { logout } from '../api/apiClient';
import type { PlanView } from '../api/types';
import { MessagePage } from '../components/MessagePage';
import { PlanHeader } from '../components/PlanHeader';
import { DocSections } from '../editor/DocSections';
import { LiveDocSections } from '../editor/LiveDocSections';
import { OtherMemberViews } from '../editor/OtherMemberViews';
import { navigate } from '../routes';
import type { CaretUser } from '../sync/docConnection';
import { SyncStatusContext } from '../sync/syncStatusContext';
import { createSyncStatusStore } from '../sync/syncStatusStore';
import { useDocConnection } from '../sync/useDocConnection';
import { effectiveAccess } from './effectiveAccess';
import { usePlan } from './usePlan';

/** `/plan/<planId>`: the plan, live, for the signed-in member. */
export function PlanPage({ planId }: { planId: string }) {
  const state = usePlan(planId);
  if (state.kind === 'loading') {
    return (
      <MessagePage title={translate('app.name')}>
        <p>{translate('plan.loading')}</p>
      </MessagePage>
    );
  }
  if (state.kind === 'failed') {
    return (
      <MessagePage title={translate('app.name')} alert>
        <p>{state.message}</p>
      </MessagePage>
    );
  }
  return <PlanWorkspace plan={state.plan} />;
}

function PlanWorkspace({ plan }: { plan: PlanView }) {
  // One store per page: nothing about one plan's sockets leaks into another.
  const [store] = useState(createSyncStatusStore);
  return (
    <SyncStatusContext.Provider value={store}>
      <PlanDocs plan={plan} />
    </SyncStatusContext.Provider>
  );
}

function PlanDocs({ plan }: { plan: PlanView }) {
  const { me } = plan;
  const user = useMemo<CaretUser>(() => ({ memberId: me.memberId, name: me.name, role: me.role, color: me.color }), [me]);
  const gezamenlijk = useDocConnection(plan.planId, GEZAMENLIJK, user);
  const onLogout = useCallback(() => {
    void logout()
      .catch(() => undefined)
      .then(() => navigate('/', { replace: true }));
  }, []);
  const professioneel = effectiveAccess(plan, PROFESSIONEEL);
  const ownDoc = eigenDocName(me.memberId);
  const ownAccess = effectiveAccess(plan, ownDoc);

  return (
    <div className="plan-layout">
      <PlanHeader plan={plan} awareness={gezamenlijk?.provider.awareness ?? null} onLogout={onLogout} />
      <main className="plan-main" aria-label={translate('plan.sections')}>
        {gezamenlijk ? (
          <DocSections connection={gezamenlijk} kind="gezamenlijk" user={user} canWrite={effectiveAccess(plan, GEZAMENLIJK) === 'write'} readOnlyReason={effectiveAccess(plan, GEZAMENLIJK) === 'write' ? null : translate('readOnly.doc')} />
        ) : (
          <p className="muted">{translate('save.loading')}</p>
        )}
        {professioneel !== 'none' && (
          <div className="professional-area">
            <p className="professional-area__note">{translate('plan.professioneel.note')}</p>
            <LiveDocSections planId={plan.planId} docName={PROFESSIONEEL} kind="professioneel" user={user} canWrite={professioneel === 'write'} readOnlyReason={professioneel === 'write' ? null : translate('readOnly.doc')} badge={translate('plan.professioneel')} />
          </div>
        )}
        {ownAccess !== 'none' && (
          <LiveDocSections planId={plan.planId} docName={ownDoc} kind="eigen" user={user} canWrite={ownAccess === 'write'} readOnlyReason={ownAccess === 'write' ? null : translate('readOnly.doc')} />
        )}
        <OtherMemberViews plan={plan} user={user} />
      </main>
    </div>
  );
}
