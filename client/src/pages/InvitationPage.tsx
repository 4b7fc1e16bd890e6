import { useEffect, useRef, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { acceptInvitation, ApiError, getSession } from '../api/apiClient';
import { MessagePage } from '../components/MessagePage';
import { rememberSession } from '../offline/startCache';
import { navigate, planPath } from '../routes';

type InvitationState =
  | { kind: 'accepting' }
  | { kind: 'failed'; message: string; existingPlanId: string | null };

async function failureFor(error: unknown): Promise<InvitationState> {
  const message = error instanceof ApiError ? error.message : translate('error.server');
  // Someone who used the link before is often still signed in: offer the way to their plan.
  const session = await getSession().catch(() => null);
  return { kind: 'failed', message, existingPlanId: session?.planId ?? null };
}

/** `/uitnodiging#<token>`: accepts the invitation and opens the plan; a clear message when the link is spent. */
export function InvitationPage() {
  const [state, setState] = useState<InvitationState>({ kind: 'accepting' });
  const started = useRef(false);

  useEffect(() => {
    // The token is single-use: never send it twice, even if the effect runs twice.
    if (started.current) return;
    started.current = true;
    const token = window.location.hash.slice(1);
    if (!token) {
      setState({ kind: 'failed', message: translate('invitation.noToken'), existingPlanId: null });
      return;
    }
    acceptInvitation(token)
      .then(async (session) => {
        // A new session on this device: the next start without a network goes to this plan.
        await rememberSession(session);
        navigate(planPath(session.planId), { replace: true });
      })
      .catch(async (error: unknown) => setState(await failureFor(error)));
  }, []);

  if (state.kind === 'accepting') {
    return (
      <MessagePage title={translate('invitation.title')}>
        <p>{translate('invitation.accepting')}</p>
      </MessagePage>
    );
  }
  return (
    <MessagePage title={translate('invitation.title')} alert>
      <p>{state.message}</p>
      {state.existingPlanId && (
        <p>
          <a href={planPath(state.existingPlanId)}>{translate('invitation.goToPlan')}</a>
        </p>
      )}
    </MessagePage>
  );
}
