import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty } from 'antd';
import { useSyncExternalStore } from 'react';
import { ApiError } from './api';
import { tx, useI18n } from './i18n';

// Whether the server answered the last request: lists say "cannot reach the server" instead
// of "no data" while it does not, and a banner offers to retry.

let offline = false;
const listeners = new Set<() => void>();

function set(value: boolean) {
  if (value === offline) return;
  offline = value;
  for (const l of listeners) l();
}

/** Fed by the query cache (main.tsx): a network failure marks offline, any answer online. */
export function noteQueryResult(error: unknown) {
  if (error === null) set(false);
  else if (error instanceof ApiError && error.status === 0) set(true);
  else if (error instanceof ApiError) set(false);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useOffline = () => useSyncExternalStore(subscribe, () => offline);

export function OfflineBanner() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const isOffline = useOffline();
  if (!isOffline) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="offline-banner"
      style={{ marginBottom: 12 }}
      message={t(tx('无法连接服务器：页面显示的是最后一次取到的数据。', 'Cannot reach the server: the page shows what was last loaded.'))}
      action={
        <Button size="small" onClick={() => void qc.refetchQueries({ type: 'active' })}>
          {t(tx('重试', 'Try again'))}
        </Button>
      }
    />
  );
}

/** Ant Design's empty state: "no data" only when the server really said so. */
export function EmptyOrOffline() {
  const { t } = useI18n();
  const isOffline = useOffline();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isOffline ? t(tx('无法连接服务器', 'Cannot reach the server')) : t(tx('暂无数据', 'No data'))} />
  );
}

/** A page's own "nothing here" sentence, unless the server could not be asked. */
export function useEmptyText(text: string): string {
  const { t } = useI18n();
  return useOffline() ? t(tx('无法连接服务器', 'Cannot reach the server')) : text;
}
