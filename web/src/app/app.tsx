import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from '../ui/auth';
import { tx } from '../ui/i18n';
import { Page } from '../ui/page';
import { LoginPage } from './login.page';
import { appRoutes } from './routes';
import { Shell } from './shell';

export function App() {
  const { me, isLoading } = useAuth();
  if (isLoading) return <Spin fullscreen />;
  if (!me) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {appRoutes.filter((r) => r.path.startsWith('/public/')).map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );
  }
  return (
    <Shell routes={appRoutes}>
      <Routes>
        {appRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={r.element} />
        ))}
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route path="*" element={<Page title={tx('页面不存在', 'Page not found')}>404</Page>} />
      </Routes>
    </Shell>
  );
}
