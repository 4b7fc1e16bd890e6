import { useEffect, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ApiError, getSession } from '../api/apiClient';
import { MessagePage } from '../components/MessagePage';
import { navigate, planPath } from '../routes';

type HomeState = { kind: 'checking' } | { kind: 'signedOut' } | { kind: 'error'; message: string };

/** `/`: goes to the member's plan when signed in, else asks them to open their invitation link. */
export function HomePage() {
  const [state, setState] = useState<HomeState>({ kind: 'checking' });
  useEffect(() => {
    let cancelled = false;
    getSession()
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
