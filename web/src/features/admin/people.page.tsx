import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { get, patch, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import type { DepartmentView, PersonView, RoleView } from '#core/org';
import type { Wire } from '#core/validation';

type Person = PersonView;
type Role = RoleView;
type Department = Wire<DepartmentView>;

export function PeoplePage() {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const people = useQuery({ queryKey: ['people'], queryFn: () => get<Person[]>('/org/people') });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<{ roles: Role[] }>('/org/roles') });
  const depts = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/org/departments') });
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      if (editing === 'new') return post('/org/people', v);
      const p = editing as Person;
      const { password, ...rest } = v;
      return patch(`/org/people/${p.id}`, { ...rest, version: p.version, ...(password ? { newPassword: password } : {}) });
    },
    onSuccess: () => {
      message.success(t(tx('已保存', 'Saved')));
      setEditing(null);
      qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
  // A failed unlock (e.g. someone changed the person meanwhile) must say so, not pass silently.
  const unlock = useMutation({
    mutationFn: (p: Person) => patch(`/org/people/${p.id}`, { version: p.version, unlock: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['people'] }),
    onError: (e) => message.error((e as Error).message),
  });
  const deptName = (id: string | null) => depts.data?.find((d) => d.id === id)?.name ?? '';
  const roleName = (code: string) => {
    const r = roles.data?.roles.find((x) => x.code === code);
    return r ? (locale === 'en' ? r.nameEn : r.nameZh) : code;
  };
  const open = (p: Person | 'new') => {
    save.reset();
    form.resetFields();
    if (p !== 'new')
      form.setFieldsValue({ displayName: p.displayName, departmentId: p.departmentId, roles: p.roles, isActive: p.isActive, positions: p.positions });
    setEditing(p);
  };
  return (
    <Page
      title={tx('人员与账号', 'People and accounts')}
      extra={
        <Button type="primary" data-testid="person-add" onClick={() => open('new')}>
          {t(tx('新增人员', 'Add person'))}
        </Button>
      }
    >
      <ErrorAlert error={people.error} />
      <ListTable<Person>
        rowKey="id"
        testId="people-table"
        loading={people.isLoading}
        rows={people.data}
        pageSize={50}
        scrollX={800}
        empty={tx('暂无人员', 'No people')}
        search={{
          label: tx('搜索姓名、用户名或部门', 'Search name, username or department'),
          fields: (p) => [p.displayName, p.username, deptName(p.departmentId)],
        }}
        columns={[
          {
            key: 'name',
            card: 'title',
            title: t(tx('姓名', 'Name')),
            dataIndex: 'displayName',
            width: 140,
            ellipsis: true,
            sorter: (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'),
          },
          {
            key: 'username',
            title: t(tx('用户名', 'Username')),
            dataIndex: 'username',
            width: 160,
            ellipsis: true,
            sorter: (a, b) => a.username.localeCompare(b.username),
          },
          {
            key: 'dept',
            title: t(tx('部门', 'Department')),
            dataIndex: 'departmentId',
            width: 140,
            ellipsis: true,
            sorter: (a, b) => deptName(a.departmentId).localeCompare(deptName(b.departmentId), 'zh-CN'),
            render: (id: string | null) => deptName(id),
          },
          { key: 'roles', title: t(tx('角色', 'Roles')), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
          {
            key: 'status',
            card: 'status',
            title: t(tx('状态', 'Status')),
            width: 130,
            render: (_: unknown, p: Person) => (
              <Space size={4}>
                {p.isActive ? <Tag color="green">{t(tx('启用', 'Active'))}</Tag> : <Tag>{t(tx('停用', 'Inactive'))}</Tag>}
                {p.isLocked && <Tag color="red">{t(tx('已锁定', 'Locked'))}</Tag>}
              </Space>
            ),
          },
          {
            key: 'actions',
            card: 'actions',
            title: t(tx('操作', 'Actions')),
            width: 150,
            render: (_: unknown, p: Person) => (
              <Space>
                <Button size="small" onClick={() => open(p)}>
                  {t(tx('编辑', 'Edit'))}
                </Button>
                {p.isLocked && (
                  <Button size="small" loading={unlock.isPending} onClick={() => unlock.mutate(p)}>
                    {t(tx('解锁', 'Unlock'))}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? tx('新增人员', 'Add person') : tx('编辑人员', 'Edit person'))}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'person-save' }}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={save.error} />
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {editing === 'new' && (
            <Form.Item name="username" label={t(tx('用户名', 'Username'))} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="displayName" label={t(tx('姓名', 'Name'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t(editing === 'new' ? tx('初始密码', 'Initial password') : tx('重设密码（留空不改）', 'Reset password (blank keeps it)'))}
            rules={[{ required: editing === 'new' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="departmentId" label={t(tx('部门', 'Department'))}>
            <Select allowClear showSearch optionFilterProp="label" options={depts.data?.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="positions" label={t(tx('职务', 'Positions'))}>
            <Select mode="tags" />
          </Form.Item>
          <Form.Item name="roles" label={t(tx('角色', 'Roles'))}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={roles.data?.roles.map((r) => ({ value: r.code, label: locale === 'en' ? r.nameEn : r.nameZh }))}
            />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="isActive" label={t(tx('启用', 'Active'))} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Page>
  );
}
