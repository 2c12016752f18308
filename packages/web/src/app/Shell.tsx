import { lazy, Suspense, type ReactNode } from 'react';
import { useSession, useStore } from '../data/store-context.js';
import { useWorldNow } from '../data/use-world-now.js';
import { describePrincipal } from '../model/permissions.js';
import { formatTime } from '../ui/format.js';
import { Notice } from '../ui/Notice.js';
import type { ThemeChoice } from '../ui/theme.js';
import { ThemeToggle } from '../ui/ThemeToggle.js';
import { OverviewView } from '../views/overview/OverviewView.js';
import { QueuesView } from '../views/queues/QueuesView.js';
import { WorkloadDetail } from '../views/workloads/WorkloadDetail.js';
import { WorkloadsView } from '../views/workloads/WorkloadsView.js';
import { FleetView } from '../views/fleet/FleetView.js';
import { SpotView } from '../views/spot/SpotView.js';
import { Logo } from './Logo.js';
import { routeHref, type Route } from './routes.js';

const EditorView = lazy(() => import('../views/editor/EditorView.js'));
const SimView = lazy(() => import('../views/sim/SimView.js'));

const NAV: readonly { view: Route['view']; label: string; icon: ReactNode; href: string }[] = [
  {
    view: 'overview',
    label: 'Overview',
    href: '#/',
    icon: <path d="M4 13h6V4H4zm0 7h6v-5H4zm10 0h6v-9h-6zm0-16v5h6V4z" />,
  },
  { view: 'queues', label: 'Queues', href: '#/queues', icon: <path d="M4 6h16M4 12h10M4 18h6" /> },
  {
    view: 'workloads',
    label: 'Workloads',
    href: '#/workloads',
    icon: <path d="M4 7l8-4 8 4-8 4zm0 5l8 4 8-4M4 17l8 4 8-4" />,
  },
  {
    view: 'fleet',
    label: 'Fleet',
    href: '#/fleet',
    icon: <path d="M4 4h7v7H4zm9 0h7v7h-7zM4 13h7v7H4zm9 0h7v7h-7z" />,
  },
  {
    view: 'spot',
    label: 'Spot market',
    href: '#/spot',
    icon: <path d="M3 17l5-6 4 3 5-7 4 5M3 21h18" />,
  },
  {
    view: 'sim',
    label: 'Simulation',
    href: '#/sim',
    icon: <path d="M9 3h6M10 3v6l-5 9a2 2 0 0 0 2 3h10a2 2 0 0 0 2-3l-5-9V3" />,
  },
];

/** Which navigation entry a route belongs to. */
function section(route: Route): Route['view'] {
  if (route.view === 'workload' || route.view === 'editor') return 'workloads';
  return route.view;
}

/** The signed-in layout: navigation, the live status and who is signed in, and the current view. */
export function Shell({
  route,
  theme,
  onSignOut,
}: {
  route: Route;
  theme: { choice: ThemeChoice; choose: (c: ThemeChoice) => void };
  onSignOut: () => void;
}) {
  const store = useStore();
  const { principal } = useSession();
  const current = section(route);
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Views">
        <div className="brand">
          <Logo />
          Roam
        </div>
        {NAV.map((n) => (
          <a
            key={n.view}
            className="nav-link"
            href={n.href}
            aria-current={current === n.view ? 'page' : undefined}
          >
            <svg
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinejoin="round"
              strokeLinecap="round"
              aria-hidden="true"
            >
              {n.icon}
            </svg>
            {n.label}
          </a>
        ))}
        <div className="sidebar-foot">GPU control plane · v1alpha1</div>
      </nav>
      <header className="topbar">
        <LiveStatus />
        <span className="spacer" />
        <ThemeToggle choice={theme.choice} onChoose={theme.choose} />
        <span className="who" data-testid="who">
          <span className="badge plain" data-tone="info">
            {principal.name}
          </span>
          <span className="muted">{describePrincipal(principal)}</span>
        </span>
        <button type="button" className="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main className="main" id="main" tabIndex={-1}>
        {store.lastError !== undefined && store.connection !== 'live' && (
          <div className="view" style={{ marginBottom: 16 }}>
            <Notice tone="warn">
              Cannot reach the control plane: {store.lastError}. Retrying…
            </Notice>
          </div>
        )}
        <Suspense fallback={<div className="view" aria-busy="true" />}>
          <View route={route} />
        </Suspense>
      </main>
    </div>
  );
}

/** Whether the watch stream is live, and the world time (ticking every second). */
function LiveStatus() {
  const store = useStore();
  const now = useWorldNow(store);
  const speed = store.clock.speed;
  const state = store.connection;
  return (
    <span className="live">
      <span className="live-dot" data-state={state} aria-hidden="true" />
      <span role="status">
        {state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
      </span>
      <span className="mono" title="The control plane's world time (UTC)">
        {formatTime(now)}
        {Math.abs(speed - 1) > 0.05 ? ` · ×${Math.round(speed)}` : ''}
      </span>
    </span>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'overview':
    case 'signin':
      return <OverviewView />;
    case 'queues':
      return <QueuesView />;
    case 'workloads':
      return <WorkloadsView query={route.query} />;
    case 'workload':
      return <WorkloadDetail name={route.name} />;
    case 'editor':
      return <EditorView name={route.name} />;
    case 'fleet':
      return <FleetView node={route.node} />;
    case 'spot':
      return <SpotView />;
    case 'sim':
      return <SimView />;
    case 'not-found':
      return (
        <div className="view">
          <Notice tone="warn">
            Nothing at <code>{route.path}</code>.{' '}
            <a href={routeHref({ view: 'overview' })}>Go to the overview</a>.
          </Notice>
        </div>
      );
  }
}
