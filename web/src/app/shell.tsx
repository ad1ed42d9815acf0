import { BellOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Segmented } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { get } from '../ui/api';
import { useAuth } from '../ui/auth';
import { OfflineBanner } from '../ui/connection';
import { useOrgModules } from '../ui/modules';
import { type Text, tx, useI18n } from '../ui/i18n';
import { type AppRoute, type MenuSection, selectedMenuPath } from './route-types';

const SECTIONS: { key: MenuSection; label: Text }[] = [
  { key: 'home', label: tx('工作台', 'Home') },
  { key: 'production', label: tx('生产计划', 'Production') },
  { key: 'training', label: tx('校本培训', 'Training') },
  { key: 'league', label: tx('团委', 'Youth League') },
  { key: 'district', label: tx('学区', 'District') },
  { key: 'admin', label: tx('系统管理', 'Administration') },
  { key: 'platform', label: tx('平台运营', 'Platform') },
];

export function Shell({ routes, children }: { routes: AppRoute[]; children: ReactNode }) {
  const { me, can, logout } = useAuth();
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    // On a failed poll the bell keeps its last count (the query keeps its last data).
    queryFn: () => get<{ count: number }>('/notifications/unread-count'),
    refetchInterval: 30_000,
  });

  // Issue 12: the menu shows only the organisation's modules (sections named after a module).
  const modules = useOrgModules();

  const items = useMemo(() => {
    const off = new Set((modules.data ?? []).filter((m) => !m.isOn).map((m) => m.name));
    // Issue 12: the platform operator's menu is its organisations page and nothing else.
    const isOperator = can('platform.orgs');
    const visible = routes.filter(
      (r) =>
        r.menu &&
        !off.has(r.menu.section) &&
        !(r.menu.module && off.has(r.menu.module)) &&
        (!r.menu.permission || can(r.menu.permission)) &&
        (r.menu.section === 'platform') === isOperator,
    );
    return SECTIONS.flatMap((s): NonNullable<MenuProps['items']> => {
      const pages = visible.filter((r) => r.menu?.section === s.key).sort((a, b) => (a.menu?.order ?? 50) - (b.menu?.order ?? 50));
      if (pages.length === 0) return [];
      const children = pages.map((p) => ({ key: p.path, label: <Link to={p.path}>{t(p.menu!.label)}</Link> }));
      if (s.key === 'home') return children;
      return [{ key: `section:${s.key}`, label: t(s.label), children }];
    });
  }, [routes, can, t, modules.data]);

  const current = selectedMenuPath(
    routes.filter((r) => r.menu).map((r) => r.path),
    location.pathname,
  );
  const selected = current ? [current] : [];
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      defaultOpenKeys={SECTIONS.map((s) => `section:${s.key}`)}
      onClick={() => setOpen(false)}
      style={{ borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="zd-skip" href="#zd-main">
        {t(tx('跳到正文', 'Skip to content'))}
      </a>
      {!isMobile && (
        <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div className="zd-brand">制度 Zhidu</div>
          {menu}
        </Layout.Sider>
      )}
      <Drawer open={isMobile && open} onClose={() => setOpen(false)} placement="left" width={260} title="制度 Zhidu" styles={{ body: { padding: 0 } }}>
        {menu}
      </Drawer>
      <Layout>
        <Layout.Header className="zd-header">
          {isMobile && <Button type="text" icon={<MenuOutlined />} aria-label={t(tx('菜单', 'Menu'))} onClick={() => setOpen(true)} />}
          <div style={{ flex: 1 }} />
          <Segmented
            size="small"
            value={locale}
            onChange={(v) => setLocale(v as 'zh-CN' | 'en')}
            options={[
              { label: '中', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
          />
          <Badge count={unread.data?.count ?? 0} size="small" data-testid="notification-badge">
            <Button
              type="text"
              data-testid="notification-bell"
              icon={<BellOutlined />}
              aria-label={t(tx('通知', 'Notifications'))}
              onClick={() => navigate('/notifications')}
            />
          </Badge>
          <Dropdown
            menu={{
              items: [
                { key: 'password', label: t(tx('修改密码', 'Change password')), onClick: () => navigate('/account/password') },
                { key: 'logout', label: t(tx('退出登录', 'Sign out')), onClick: () => logout().then(() => navigate('/login')) },
              ],
            }}
          >
            <Button type="text" data-testid="user-menu">
              {me?.displayName}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="zd-content" id="zd-main" tabIndex={-1}>
          <OfflineBanner />
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
