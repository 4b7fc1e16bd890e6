import { useEffect, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ApiError, getSession, isNetworkError } from '../api/apiClient';
import type { SessionInfo } from '../api/types';
import { forgetStartData, recallSession, rememberSession } from '../offline/startCache';
import { MessagePage } from '../components/MessagePage';
import { navigate, planPath } from '../routes';

type HomeState = { kind: 'checking' } | { kind: 'signedOut' } | { kind: 'error'; message: string };

/**
 * The session from the server, kept on the device for an offline start (issue #9); without a network the kept
 * one is used, so `/` still leads to the plan that is kept on this device.
 */
async function currentSession(): Promise<SessionInfo | null> {
  try {
    const session = await getSession();
    if (session) void rememberSession(session);
    else void forgetStartData();
    return session;
  } catch (error) {
    const kept = isNetworkError(error) ? await recallSession() : null;
    if (kept) return kept;
    throw error;
  }
}

/** `/`: goes to the member's plan when signed in, else asks them to open their invitation link. */
export function HomePage() {
  const [state, setState] = useState<HomeState>({ kind: 'checking' });
  useEffect(() => {
    let cancelled = false;
    currentSession()
      .then((session) => {
        if (cancelled) return;
        if (session) navigate(planPath(session.planId), { replace: true });
        else setState({ kind: 'signedOut' });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'error', message: error instanceof ApiError ? error.message : translate('error.server') });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.kind === 'checking') {
    return (
      <MessagePage title={translate('home.title')}>
        <p>{translate('client.loading')}</p>
      </MessagePage>
    );
  }
  if (state.kind === 'error') {
    return (
      <MessagePage title={translate('home.title')} alert>
        <p>{state.message}</p>
      </MessagePage>
    );
  }
  return (
    <MessagePage title={translate('home.title')}>
      <p className="lead">{translate('home.openInvitation')}</p>
      <p>{translate('home.explain')}</p>
    </MessagePage>
  );
}
