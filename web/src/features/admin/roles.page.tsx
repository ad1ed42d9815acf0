import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Grid, Table } from 'antd';
import { get, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import type { RolesPage as RolesView, RoleView } from '#core/org';

type Role = RoleView;
type Perm = RolesView['permissions'][number];

/** Permissions are data: this matrix is the role → permission map itself. */
export function RolesPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const q = useQuery({ queryKey: ['roles'], queryFn: () => get<RolesView>('/org/roles') });
  const toggle = useMutation({
    mutationFn: ({ role, perm, on }: { role: Role; perm: string; on: boolean }) =>
      put(`/org/roles/${role.code}`, {
        version: role.version,
        permissions: on ? [...role.permissions, perm] : role.permissions.filter((p) => p !== perm),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['roles'] }),
    onError: (e) => message.error((e as Error).message),
  });
  const roles = q.data?.roles ?? [];
  // A permission change takes effect for everyone holding the role at once: ask first.
  const confirmToggle = (role: Role, perm: Perm, on: boolean) => {
    const roleName = locale === 'en' ? role.nameEn : role.nameZh;
    const permName = locale === 'en' ? perm.en : perm.zh;
    modal.confirm({
      title: on ? t(tx('授予权限？', 'Grant this permission?')) : t(tx('收回权限？', 'Remove this permission?')),
      content: on
        ? t(tx(`“${roleName}”的所有人员将获得“${permName}”。`, `Everyone with “${roleName}” will get “${permName}”.`))
        : t(tx(`“${roleName}”的所有人员将失去“${permName}”，立即生效。`, `Everyone with “${roleName}” loses “${permName}”, at once.`)),
      okText: t(tx('确定保存', 'Save')),
      cancelText: t(tx('取消', 'Cancel')),
      okButtonProps: { danger: !on },
      onOk: () => toggle.mutateAsync({ role, perm: perm.code, on }).catch(() => undefined),
    });
  };
  // On a phone the pinned permission column leaves room for at least two role columns.
  const permissionWidth = Grid.useBreakpoint().md ? 260 : 150;
  return (
    <Page title={tx('角色与权限', 'Roles and permissions')}>
      <ErrorAlert error={q.error} />
      <Table
        rowKey="code"
        size="small"
        loading={q.isLoading}
        pagination={false}
        scroll={{ x: permissionWidth + 40 + roles.length * 110 }}
        dataSource={q.data?.permissions}
        columns={[
          { title: t(tx('权限', 'Permission')), fixed: 'left', width: permissionWidth, render: (_: unknown, p: Perm) => (locale === 'en' ? p.en : p.zh) },
          ...roles.map((r) => ({
            title: locale === 'en' ? r.nameEn : r.nameZh,
            width: 110,
            render: (_: unknown, p: Perm) => (
              <Checkbox
                aria-label={`${locale === 'en' ? r.nameEn : r.nameZh} – ${locale === 'en' ? p.en : p.zh}`}
                checked={r.permissions.includes(p.code)}
                disabled={!can('admin.roles') || toggle.isPending}
                onChange={(e) => confirmToggle(r, p, e.target.checked)}
              />
            ),
          })),
        ]}
      />
    </Page>
  );
}
