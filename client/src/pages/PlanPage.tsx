import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { GEZAMENLIJK, PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import type { PlanView } from '../api/types';
import { ACTIES_ANCHOR, ActiesView } from '../blocks/ActiesView';
import { OWN_ANCHOR, OwnSection } from '../blocks/OwnSection';
import { PlanBlocks } from '../blocks/PlanBlocks';
import { PlanDataContext, type PlanData } from '../blocks/planData';
import { TableOfContents, type TocLink } from '../blocks/TableOfContents';
import { TeamoverlegAgenda } from '../blocks/TeamoverlegAgenda';
import { CommentsOverview, COMMENTS_ANCHOR } from '../comments/CommentsOverview';
import { CommentsProvider } from '../comments/CommentsProvider';
import { ThreadColumn } from '../comments/ThreadColumn';
import { AuditView, mayViewAudit } from '../components/AuditView';
import { mayManageMembers, MembersSection } from '../components/MembersSection';
import { MessagePage } from '../components/MessagePage';
import { NotProcessedPanel } from '../components/NotProcessedPanel';
import { TeamoverlegBanner } from '../components/TeamoverlegBanner';
import { PlanHeader } from '../components/PlanHeader';
import { LiveDocSections } from '../editor/LiveDocSections';
import { OTHERS_ANCHOR, OtherMemberViews } from '../editor/OtherMemberViews';
import { FormOptionsContext } from '../fields/formOptionsContext';
import { registerAppShell } from '../offline/appShell';
import { dropUnreadableCopies } from '../offline/deviceCopies';
import { signOutOnDevice } from '../offline/signOutOnDevice';
import { navigate } from '../routes';
import type { CaretUser, DocConnection } from '../sync/docConnection';
import { SyncStatusContext } from '../sync/syncStatusContext';
import { unsavedChanges } from '../sync/saveStatus';
import { createSyncStatusStore } from '../sync/syncStatusStore';
import { useUnloadWarning } from '../sync/useUnloadWarning';
import { docMaxBytes } from './docMaxBytes';
import { effectiveAccess } from './effectiveAccess';
import { PlanRefreshContext } from './planRefreshContext';
import { usePlan } from './usePlan';
import { usePlanConnections, usePlanPageData } from './usePlanPageData';
import { PlanNotReady } from './PlanNotReady';

const PROFESSIONEEL_ANCHOR = 'professioneel';
const PROFESSIONEEL_PLACE = { kind: 'professioneel' } as const;

/** `/plan/<planId>`: the plan, live, for the signed-in member. */
export function PlanPage({ planId }: { planId: string }) {
  const { state, refresh } = usePlan(planId);
  // Signing out first unmounts the plan, so every doc is closed before its copy is deleted.
  const [signingOut, setSigningOut] = useState<PlanView | null>(null);
  if (signingOut) return <SigningOut plan={signingOut} />;
  if (state.kind !== 'ready') return <PlanNotReady state={state} />;
  return <PlanWorkspace plan={state.plan} fromDevice={state.fromDevice} refresh={refresh} onSignOut={() => setSigningOut(state.plan)} />;
}

/** "Afmelden op dit apparaat" (issue #9): session ended, the member's data gone from this device, then the start page. */
function SigningOut({ plan }: { plan: PlanView }) {
  useEffect(() => {
    const known = plan.docs.map((d) => ({ planId: plan.planId, memberId: plan.me.memberId, docName: d.docName }));
    void signOutOnDevice(plan.me.memberId, known)
      .catch(() => undefined)
      .then(() => navigate('/', { replace: true }));
  }, [plan]);
  return (
    <MessagePage title={translate('app.name')}>
      <p>{translate('logout.busy')}</p>
    </MessagePage>
  );
}

interface PlanWorkspaceProps {
  plan: PlanView;
  /** The plan view was kept on this device: the server could not be reached. */
  fromDevice: boolean;
  refresh: () => void;
  onSignOut: () => void;
}

function PlanWorkspace({ plan, fromDevice, refresh, onSignOut }: PlanWorkspaceProps) {
  // One store per page: nothing about one plan's sockets leaks into another.
  const [store] = useState(createSyncStatusStore);
  // A 4409 close, or a socket that (re)connected: the rights may have changed, so fetch the plan view again
  // and read-only parts follow (issue #6).
  const accessChanges = useSyncExternalStore(store.subscribe, () => store.getSnapshot().accessChanges);
  useEffect(() => {
    if (accessChanges > 0) refresh();
  }, [accessChanges, refresh]);
  useUnloadWarning(store);
  useDeviceCopies(plan, fromDevice);
  const signOut = useCallback(() => {
    if (unsavedChanges(store.getSnapshot().docs.values()) > 0 && !window.confirm(translate('logout.confirmUnsaved'))) return;
    onSignOut();
  }, [store, onSignOut]);
  return (
    <SyncStatusContext.Provider value={store}>
      <PlanRefreshContext.Provider value={refresh}>
        <PlanDocs plan={plan} fromDevice={fromDevice} onLogout={signOut} />
      </PlanRefreshContext.Provider>
    </SyncStatusContext.Provider>
  );
}

/**
 * Keeps the device in step with what the server says (issue #9): the app shell is kept for an offline start,
 * and the copies of docs this member may no longer read are deleted. Only on a view from the server: a view
 * kept on the device says nothing new.
 */
function useDeviceCopies(plan: PlanView, fromDevice: boolean): void {
  const readable = plan.docs.map((d) => d.docName).join('\n');
  const { planId } = plan;
  const { memberId } = plan.me;
  useEffect(() => {
    if (fromDevice) return;
    registerAppShell();
    void dropUnreadableCopies(planId, memberId, readable.split('\n'));
  }, [fromDevice, planId, memberId, readable]);
}

function PlanDocs({ plan, fromDevice, onLogout }: { plan: PlanView; fromDevice: boolean; onLogout: () => void }) {
  const { me } = plan;
  const user = useMemo<CaretUser>(() => ({ memberId: me.memberId, name: me.name, role: me.role, color: me.color }), [me]);
  const { members, connections } = usePlanConnections(plan, user);
  const gezamenlijk = connections.get(GEZAMENLIJK) ?? null;

  return (
    <CommentsProvider plan={plan} connections={connections}>
      <div className="plan-layout">
        <PlanHeader plan={plan} awareness={gezamenlijk?.provider.awareness ?? null} onLogout={onLogout} />
        <div className="plan-notices">
          {fromDevice && (
            <p className="offline-note" data-testid="offline-note">
              {translate('offline.fromDevice')}
            </p>
          )}
          <NotProcessedPanel />
          <TeamoverlegBanner plan={plan} awareness={gezamenlijk?.provider.awareness ?? null} />
        </div>
        {gezamenlijk ? (
          <PlanContent plan={plan} user={user} gezamenlijk={gezamenlijk} members={members} connections={connections} />
        ) : (
          <main className="plan-main">
            <p className="muted">{translate('save.loading')}</p>
          </main>
        )}
      </div>
    </CommentsProvider>
  );
}

interface PlanContentProps {
  plan: PlanView;
  user: CaretUser;
  gezamenlijk: DocConnection;
  members: ReturnType<typeof usePlanConnections>['members'];
  connections: ReadonlyMap<string, DocConnection>;
}

function PlanContent({ plan, user, gezamenlijk, members, connections }: PlanContentProps) {
  const current = usePlanPageData(plan, user, gezamenlijk, members, connections);
  // Every keystroke changes the docs, and the whole plan re-reads them. Rendering that at low priority
  // (interruptible) keeps typing instant on a slow phone: the letter is in the field already, and the
  // rest of the page follows a moment later.
  const { data, options } = useDeferredValue(current);
  return (
    <PlanDataContext.Provider value={data}>
      <FormOptionsContext.Provider value={options}>
        <PlanBody data={data} />
      </FormOptionsContext.Provider>
    </PlanDataContext.Provider>
  );
}

/** The page below the header; memoized so that only the deferred render above redraws it. */
const PlanBody = memo(function PlanBody({ data }: { data: PlanData }) {
  const { plan, user } = data;
  // Until the first sync the doc is empty: its blocks (and the template's order) are not known yet.
  if (!data.gezamenlijk.loaded) {
    return (
      <main className="plan-main">
        <p className="muted">{translate('plan.loading')}</p>
      </main>
    );
  }
  const own = data.eigen.find((e) => e.member.memberId === plan.me.memberId) ?? null;
  const others = data.eigen.filter((e) => e.member.memberId !== plan.me.memberId);
  const professioneel = effectiveAccess(plan, PROFESSIONEEL);
  const extra: TocLink[] = [
    { href: `#${ACTIES_ANCHOR}`, label: translate('acties.title') },
    { href: `#${COMMENTS_ANCHOR}`, label: translate('opmerkingen.titel') },
    ...(own ? [{ href: `#${OWN_ANCHOR}`, label: translate('eigen.title') }] : []),
    ...(professioneel !== 'none' ? [{ href: `#${PROFESSIONEEL_ANCHOR}`, label: translate('plan.professioneel') }] : []),
    ...(others.length > 0 ? [{ href: `#${OTHERS_ANCHOR}`, label: translate('plan.otherViews') }] : []),
  ];

  return (
    <div className="plan-body">
      <TableOfContents order={data.gezamenlijk.snapshot.blokken} extra={extra} />
      <main className="plan-main" aria-label={translate('plan.sections')}>
        {plan.state.teamoverleg.open && <TeamoverlegAgenda order={data.gezamenlijk.snapshot.blokken} hasOwn={own !== null} />}
        <PlanBlocks />
        <ActiesView />
        <CommentsOverview />
        {own && <OwnSection eigen={own} />}
        {professioneel !== 'none' && (
          <div id={PROFESSIONEEL_ANCHOR} className="professional-area">
            <p className="professional-area__note">{translate('plan.professioneel.note')}</p>
            <LiveDocSections
              planId={plan.planId}
              docName={PROFESSIONEEL}
              docMaxBytes={docMaxBytes(plan)}
              kind="professioneel"
              user={user}
              canWrite={professioneel === 'write'}
              readOnlyReason={professioneel === 'write' ? null : translate('readOnly.doc')}
              badge={translate('plan.professioneel')}
            />
            <ThreadColumn place={PROFESSIONEEL_PLACE} blockLabel={translate('plan.professioneel')} blockAnchor={null} />
          </div>
        )}
        <OtherMemberViews others={others} />
        {mayManageMembers(plan) && <MembersSection plan={plan} />}
        {mayViewAudit(plan) && <AuditView plan={plan} />}
      </main>
    </div>
  );
});
