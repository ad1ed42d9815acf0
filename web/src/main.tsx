import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app/app';
import { AuthProvider } from './ui/auth';
import { EmptyOrOffline, noteQueryResult } from './ui/connection';
import { I18nProvider, useI18n } from './ui/i18n';
import './ui/app.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  // Every answer or network failure tells the shell whether the server is reachable.
  queryCache: new QueryCache({ onError: noteQueryResult, onSuccess: () => noteQueryResult(null) }),
  mutationCache: new MutationCache({ onError: noteQueryResult, onSuccess: () => noteQueryResult(null) }),
});

function Localised() {
  const { locale } = useI18n();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      renderEmpty={() => <EmptyOrOffline />}
      theme={{ token: { colorPrimary: '#b8322a', borderRadius: 4 } }}
    >
      <AntApp>
        <AuthProvider>
          <App />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <Localised />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
