import { Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../ui/auth';
import { ForbiddenPage, NotFoundPage, OfflinePage } from '../ui/status-pages';
import { LoginPage, nextPath } from './login.page';
import { appRoutes } from './routes';
import { Shell } from './shell';

export function App() {
  const { me, isLoading, isOffline, retry, can } = useAuth();
  const location = useLocation();
  if (isLoading) return <Spin fullscreen />;
  if (isOffline) return <OfflinePage onRetry={retry} />;
  if (!me) {
    // A deep link opened while signed out (or a session that ended) comes back after sign-in.
    const asked = `${location.pathname}${location.search}`;
    const toLogin = asked === '/' || asked.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(asked)}`;
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {appRoutes
            .filter((r) => r.path.startsWith('/public/'))
            .map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          <Route path="*" element={<Navigate to={toLogin} replace />} />
        </Routes>
      </Suspense>
    );
  }
  return (
    <Shell routes={appRoutes}>
      {/* Each page is its own chunk: the shell stays while a page's code arrives. */}
      <Suspense fallback={<PageLoading />}>
        <Routes>
          {/* Issue 12: the platform operator starts on the organisations page (no workbench of its own). */}
          {can('platform.orgs') && <Route path="/" element={<Navigate to="/platform/organisations" replace />} />}
          {appRoutes
            .filter((r) => !(r.path === '/' && can('platform.orgs')))
            .map((r) => (
              <Route key={r.path} path={r.path} element={r.menu?.permission && !can(r.menu.permission) ? <ForbiddenPage /> : r.element} />
            ))}
          <Route path="/login" element={<Navigate to={nextPath(location.search)} replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin size="large" />
    </div>
  );
}
