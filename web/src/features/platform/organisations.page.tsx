import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { type Text, tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';

interface Organisation {
  id: string;
  code: string;
  name: string;
  kind: 'enterprise' | 'school' | 'district' | 'platform';
  template: string;
  modules: { name: string; label: Text }[];
  createdAt: string;
  state: 'active' | 'disabled';
  disabledAt: string | null;
  disabledReason: string | null;
  isPlatform: boolean;
  size: { people: number; activePeople: number; files: number; fileBytes: number; auditEntries30d: number };
}
interface Template {
  code: string;
  label: Text;
  kind: 'enterprise' | 'school' | 'district' | 'platform';
}

const KIND: Record<Organisation['kind'], Text> = {
  enterprise: tx('企业', 'Plant'),
  school: tx('学校', 'School'),
  district: tx('学区', 'District'),
  platform: tx('平台', 'Platform'),
};

const FIELDS: Record<string, Text> = {
  name: tx('组织名称', 'Name'),
  template: tx('制度模板', 'Template'),
  code: tx('组织代码', 'Code'),
  adminUsername: tx('管理员用户名', 'Admin username'),
  adminPassword: tx('管理员初始密码', 'Admin initial password'),
  reason: tx('停用原因', 'Reason'),
};

/** 1536 → "1.5 KB": the files' total size in words a person reads. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function OrganisationsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const orgs = useQuery({ queryKey: ['platform', 'organisations'], queryFn: () => get<Organisation[]>('/platform/organisations') });
  const templates = useQuery({ queryKey: ['platform', 'templates'], queryFn: () => get<Template[]>('/platform/templates'), staleTime: 600_000 });
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<Organisation | null>(null);
  const [form] = Form.useForm();
  const [reasonForm] = Form.useForm();
  const refresh = () => qc.invalidateQueries({ queryKey: ['platform', 'organisations'] });

  const create = useMutation({
    mutationFn: (v: Record<string, string>) =>
      post<{ name: string; admin: { username: string } }>('/platform/organisations', { ...v, code: v.code?.trim() || undefined }),
    onSuccess: (made) => {
      message.success(t(tx(`已新建 ${made.name}，管理员 ${made.admin.username}`, `Created ${made.name}; admin ${made.admin.username}`)));
      setCreating(false);
      refresh();
    },
  });
  const disable = useMutation({
    mutationFn: (v: { reason: string }) => post(`/platform/organisations/${disabling?.id}/disable`, v),
    onSuccess: () => {
      message.success(t(tx('已停用', 'Disabled')));
      setDisabling(null);
      refresh();
    },
  });
  const enable = useMutation({
    mutationFn: (o: Organisation) => post(`/platform/organisations/${o.id}/enable`),
    onSuccess: () => {
      message.success(t(tx('已启用', 'Re-enabled')));
      refresh();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const { modal } = App.useApp();
  const askEnable = (o: Organisation) =>
    modal.confirm({
      title: t(tx(`启用 ${o.name}？`, `Re-enable ${o.name}?`)),
      content: t(tx('其人员将可以重新登录。', 'Its people will be able to sign in again.')),
      okText: t(tx('启用', 'Re-enable')),
      cancelText: t(tx('取消', 'Cancel')),
      onOk: () => enable.mutateAsync(o),
    });

  const openCreate = () => {
    create.reset();
    form.resetFields();
    setCreating(true);
  };
  const openDisable = (o: Organisation) => {
    disable.reset();
    reasonForm.resetFields();
    setDisabling(o);
  };

  return (
    <Page
      title={tx('组织管理', 'Organisations')}
      extra={
        <Button type="primary" data-testid="org-create" onClick={openCreate}>
          {t(tx('新建组织', 'New organisation'))}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '平台运营方只看到各组织的名称、模块、状态与规模，看不到其人员与记录。',
            'The operator sees each organisation’s name, modules, state and size; never its people or records.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={orgs.error} />
      <ListTable<Organisation>
        rowKey="id"
        testId="platform-orgs"
        rowTestId={(o) => `org-${o.code}`}
        loading={orgs.isLoading}
        rows={orgs.data}
        scrollX={1000}
        empty={tx('暂无组织', 'No organisations')}
        search={{ label: tx('搜索组织名称或代码', 'Search name or code'), fields: (o) => [o.name, o.code] }}
        columns={[
          {
            key: 'name',
            card: 'title',
            title: t(tx('组织', 'Organisation')),
            dataIndex: 'name',
            width: 180,
            ellipsis: true,
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
          },
          {
            key: 'state',
            card: 'status',
            title: t(tx('状态', 'State')),
            width: 90,
            render: (_: unknown, o: Organisation) =>
              o.state === 'active' ? <Tag color="green">{t(tx('正常', 'Active'))}</Tag> : <Tag color="red">{t(tx('已停用', 'Disabled'))}</Tag>,
          },
          { key: 'kind', title: t(tx('类型', 'Kind')), width: 80, render: (_: unknown, o: Organisation) => t(KIND[o.kind]) },
          {
            key: 'template',
            title: t(tx('制度模板', 'Template')),
            width: 220,
            ellipsis: { showTitle: true },
            // The regulation the organisation was made from, by its name (T4 酒业生产计划管理办法).
            render: (_: unknown, o: Organisation) => {
              if (o.isPlatform) return '—';
              const label = templates.data?.find((x) => x.code === o.template)?.label;
              return label ? t(label) : o.template;
            },
          },
          {
            key: 'modules',
            title: t(tx('模块', 'Modules')),
            width: 200,
            render: (_: unknown, o: Organisation) => (o.modules.length ? o.modules.map((m) => <Tag key={m.name}>{t(m.label)}</Tag>) : '—'),
          },
          {
            key: 'people',
            title: t(tx('人数（在用）', 'People (active)')),
            width: 110,
            sorter: (a, b) => a.size.people - b.size.people,
            render: (_: unknown, o: Organisation) => `${o.size.people}（${o.size.activePeople}）`,
          },
          {
            key: 'files',
            title: t(tx('附件', 'Files')),
            width: 120,
            sorter: (a, b) => a.size.fileBytes - b.size.fileBytes,
            render: (_: unknown, o: Organisation) => `${o.size.files} ${t(tx('个', o.size.files === 1 ? 'file' : 'files'))} · ${formatBytes(o.size.fileBytes)}`,
          },
          { key: 'audit', title: t(tx('近30天操作', 'Actions (30 days)')), width: 110, render: (_: unknown, o: Organisation) => o.size.auditEntries30d },
          {
            key: 'created',
            title: t(tx('创建日期', 'Created')),
            width: 110,
            render: (_: unknown, o: Organisation) => orgTime(o.createdAt).format('YYYY-MM-DD'),
          },
          {
            key: 'reason',
            card: 'hidden',
            title: t(tx('停用原因', 'Reason')),
            width: 140,
            ellipsis: true,
            render: (_: unknown, o: Organisation) => o.disabledReason ?? '',
          },
          {
            key: 'actions',
            card: 'actions',
            title: t(tx('操作', 'Actions')),
            width: 100,
            fixed: 'right',
            render: (_: unknown, o: Organisation) =>
              o.isPlatform ? null : o.state === 'active' ? (
                <Button size="small" danger data-testid={`org-disable-${o.code}`} onClick={() => openDisable(o)}>
                  {t(tx('停用', 'Disable'))}
                </Button>
              ) : (
                <Button size="small" data-testid={`org-enable-${o.code}`} onClick={() => askEnable(o)}>
                  {t(tx('启用', 'Re-enable'))}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t(tx('新建组织', 'New organisation'))}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t(tx('新建', 'Create'))}
        cancelText={t(tx('取消', 'Cancel'))}
        okButtonProps={{ 'data-testid': 'org-create-save' }}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} fieldLabels={FIELDS} />
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t(FIELDS.name)} rules={[{ required: true, whitespace: true, message: t(tx('请填写组织名称', 'Enter a name')) }]}>
            <Input data-testid="org-name" maxLength={100} />
          </Form.Item>
          <Form.Item name="template" label={t(FIELDS.template)} rules={[{ required: true, message: t(tx('请选择模板', 'Choose a template')) }]}>
            <Select data-testid="org-template" options={templates.data?.map((x) => ({ value: x.code, label: `${t(x.label)}（${t(KIND[x.kind])}）` }))} />
          </Form.Item>
          <Form.Item name="code" label={t(FIELDS.code)} extra={t(tx('可不填，自动生成', 'Optional; made for you when blank'))}>
            <Input data-testid="org-code" maxLength={32} />
          </Form.Item>
          <Form.Item name="adminUsername" label={t(FIELDS.adminUsername)} rules={[{ required: true, message: t(tx('请填写用户名', 'Enter a username')) }]}>
            <Input data-testid="org-admin" autoComplete="off" maxLength={64} />
          </Form.Item>
          <Form.Item name="adminPassword" label={t(FIELDS.adminPassword)} rules={[{ required: true, message: t(tx('请填写初始密码', 'Enter a password')) }]}>
            <Input.Password data-testid="org-password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={disabling !== null}
        title={t(tx(`停用 ${disabling?.name ?? ''}？`, `Disable ${disabling?.name ?? ''}?`))}
        onCancel={() => setDisabling(null)}
        onOk={() => reasonForm.submit()}
        okText={t(tx('停用', 'Disable'))}
        cancelText={t(tx('取消', 'Cancel'))}
        okButtonProps={{ danger: true, 'data-testid': 'org-disable-confirm' }}
        confirmLoading={disable.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t(
            tx(
              '停用后该组织的人员不能登录，已登录的会话立即失效，定时任务暂停。可随时重新启用。',
              'Its people cannot sign in, their sessions end at once and its scheduled jobs pause. You can re-enable it at any time.',
            ),
          )}
        </Typography.Paragraph>
        <ErrorAlert error={disable.error} fieldLabels={FIELDS} />
        <Form form={reasonForm} layout="vertical" onFinish={(v) => disable.mutate(v)}>
          <Form.Item name="reason" label={t(FIELDS.reason)} rules={[{ required: true, whitespace: true, message: t(tx('请填写停用原因', 'Enter a reason')) }]}>
            <Input.TextArea data-testid="org-disable-reason" rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Space />
    </Page>
  );
}
