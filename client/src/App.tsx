import { useSyncExternalStore } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { HomePage } from './pages/HomePage';
import { InvitationPage } from './pages/InvitationPage';
import { NieuwPlanPage } from './pages/NieuwPlanPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlanPage } from './pages/PlanPage';
import { parseRoute, subscribeToLocation } from './routes';
import { ComparePage } from './versions/ComparePage';
import { VersionPage } from './versions/VersionPage';
import { VersionsPage } from './versions/VersionsPage';

const currentPath = () => window.location.pathname;

/** The app: picks the page for the current path. */
export function App() {
  const pathname = useSyncExternalStore(subscribeToLocation, currentPath);
  const route = parseRoute(pathname);
  return <ErrorBoundary>{pageFor(route)}</ErrorBoundary>;
}

function pageFor(route: ReturnType<typeof parseRoute>) {
  switch (route.kind) {
    case 'home':
      return <HomePage />;
    case 'invitation':
      return <InvitationPage />;
    case 'plan':
      // Keyed by plan so a switch to another plan starts with fresh docs and sockets.
      return <PlanPage key={route.planId} planId={route.planId} />;
    case 'nieuwPlan':
      return <NieuwPlanPage />;
    case 'versies':
      return <VersionsPage key={route.planId} planId={route.planId} />;
    case 'versie':
      return <VersionPage key={`${route.planId}/${route.nummer}`} planId={route.planId} nummer={route.nummer} />;
    case 'vergelijk':
      return <ComparePage key={`${route.planId}/${route.van}/${route.met}`} planId={route.planId} van={route.van} met={route.met} />;
    case 'notFound':
      return <NotFoundPage />;
    default: {
      const never: never = route;
      return never;
    }
  }
}
