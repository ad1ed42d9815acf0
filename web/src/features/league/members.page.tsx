import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { type Key, useState } from 'react';
import { get, post } from '../../ui/api';
import { Attachments } from '../../ui/attachments';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import type { Branch, Member, Tasks } from './league.types';

const STATUS = { preparatory: tx('预备团员', 'Preparatory'), member: tx('团员', 'Member'), transferred_out: tx('已转出', 'Transferred out') };

/** YL-1 (S5 三.1–2): the register with files, registration for the term, 预备团员 → 团员, transfer out in May. */
export function LeagueMembersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const [branchId, setBranchId] = useState<string | undefined>();
  const [selected, setSelected] = useState<Key[]>([]);
  const [adding, setAdding] = useState(false);
  const [files, setFiles] = useState<Member | null>(null);
  const [form] = Form.useForm();
  const branches = useQuery({ queryKey: ['league', 'branches'], queryFn: () => get<Branch[]>('/league/branches') });
  const members = useQuery({
    queryKey: ['league', 'members', branchId],
    queryFn: () => get<Member[]>(`/league/members${branchId ? `?branchId=${branchId}` : ''}`),
  });
  const tasks = useQuery({ queryKey: ['league', 'tasks'], queryFn: () => get<Tasks>('/league/members/tasks') });
  const refresh = () => qc.invalidateQueries({ queryKey: ['league'] });
  const register = useMutation({
    mutationFn: () => post('/league/registrations', { memberIds: selected }),
    onSuccess: () => {
      setSelected([]);
      refresh();
    },
  });
  const add = useMutation({
    mutationFn: (v: Record<string, unknown> & { date: dayjs.Dayjs }) =>
      post('/league/members', {
        branchId: v.branchId,
        studentNo: v.studentNo,
        name: v.name,
        status: v.status,
        ...(v.status === 'member' ? { joinedOn: v.date.format('YYYY-MM-DD') } : { preparatorySince: v.date.format('YYYY-MM-DD') }),
      }),
    onSuccess: () => {
      setAdding(false);
      form.resetFields();
      refresh();
    },
  });
  const act = useMutation({ mutationFn: ({ path, body }: { path: string; body: object }) => post(path, body), onSuccess: refresh });
  const canManage = can('league.manage');
  return (
    <Page
      title={tx('团员名册', 'Member register')}
      extra={
        <Space wrap>
          <Select
            allowClear
            aria-label={t(tx('团支部', 'Branch'))}
            placeholder={t(tx('全部团支部', 'All branches'))}
            value={branchId}
            onChange={setBranchId}
            options={branches.data?.map((b) => ({ value: b.id, label: b.name }))}
            style={{ width: 180 }}
          />
          {canManage && <Button onClick={() => setAdding(true)}>{t(tx('登记团员', 'Add'))}</Button>}
          {canManage && (
            <Button type="primary" disabled={!selected.length} onClick={() => register.mutate()} loading={register.isPending}>
              {t(tx(`本学期注册（${selected.length}）`, `Register for the term (${selected.length})`))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={members.error ?? register.error ?? act.error} />
      {tasks.data && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Alert
            type={tasks.data.unregistered.length ? 'warning' : 'success'}
            showIcon
            message={t(
              tx(
                `${tasks.data.termCode} 学期：在册 ${tasks.data.total} 人（预备团员 ${tasks.data.preparatory}），未注册 ${tasks.data.unregistered.length} 人`,
                `Term ${tasks.data.termCode}: ${tasks.data.total} on the register (${tasks.data.preparatory} preparatory), ${tasks.data.unregistered.length} not registered`,
              ),
            )}
          />
          {tasks.data.transferOutDue.length > 0 && (
            <Alert
              type="info"
              showIcon
              message={t(
                tx(
                  `九年级团籍转出（S5 三.2，5 月）：还有 ${tasks.data.transferOutDue.length} 人`,
                  `Grade 9 transfer-out (May): ${tasks.data.transferOutDue.length} to go`,
                ),
              )}
            />
          )}
        </Space>
      )}
      <Table<Member>
        rowKey="id"
        loading={members.isLoading}
        dataSource={members.data}
        rowSelection={
          canManage
            ? {
                selectedRowKeys: selected,
                onChange: setSelected,
                getCheckboxProps: (m) => ({
                  'aria-label': t(tx(`选择 ${m.name}`, `Select ${m.name}`)),
                  disabled: m.isRegistered || m.status === 'transferred_out',
                }),
              }
            : undefined
        }
        pagination={{ pageSize: 50 }}
        scroll={{ x: 800 }}
        columns={[
          { title: t(tx('学号', 'No.')), dataIndex: 'studentNo', width: 100 },
          { title: t(tx('姓名', 'Name')), dataIndex: 'name', width: 90 },
          { title: t(tx('团支部', 'Branch')), dataIndex: 'branchName', width: 150 },
          {
            title: t(tx('身份', 'Status')),
            dataIndex: 'status',
            width: 100,
            render: (s: Member['status']) => <Tag color={s === 'member' ? 'red' : s === 'preparatory' ? 'orange' : 'default'}>{t(STATUS[s])}</Tag>,
          },
          { title: t(tx('入团/预备日期', 'Joined / since')), width: 120, render: (_: unknown, m: Member) => m.joinedOn ?? m.preparatorySince ?? '' },
          {
            title: t(tx('本学期注册', 'Registered')),
            dataIndex: 'isRegistered',
            width: 100,
            render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : <Tag>{t(tx('未注册', 'No'))}</Tag>),
          },
          {
            title: '',
            width: 220,
            render: (_: unknown, m: Member) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setFiles(m)}>
                  {t(tx('档案', 'Files'))}
                </Button>
                {canManage && m.status === 'preparatory' && (
                  <Button
                    size="small"
                    onClick={() =>
                      modal.confirm({
                        title: t(tx(`${m.name} 转为正式团员？`, `Make ${m.name} a full member?`)),
                        content: t(
                          tx(
                            `将以今天（${dayjs().format('YYYY-MM-DD')}）为入团日期记入团籍档案，之后不能改回预备团员。`,
                            `Today (${dayjs().format('YYYY-MM-DD')}) is recorded as the joining date in the member's file; this cannot be turned back to preparatory.`,
                          ),
                        ),
                        okText: t(tx('转为团员', 'Make member')),
                        cancelText: t(tx('取消', 'Cancel')),
                        onOk: () =>
                          act.mutateAsync({ path: `/league/members/${m.id}/promote`, body: { joinedOn: dayjs().format('YYYY-MM-DD'), version: m.version } }),
                      })
                    }
                  >
                    {t(tx('转为团员', 'Make member'))}
                  </Button>
                )}
                {canManage && m.status !== 'transferred_out' && m.grade === 9 && (
                  <Button
                    size="small"
                    onClick={() => {
                      let to = '';
                      modal.confirm({
                        title: t(tx(`${m.name} 团籍转出`, `Transfer ${m.name} out`)),
                        content: <Input placeholder={t(tx('转往单位', 'To'))} onChange={(e) => (to = e.target.value)} />,
                        onOk: () =>
                          act.mutateAsync({
                            path: `/league/members/${m.id}/transfer-out`,
                            body: { transferredOutOn: dayjs().format('YYYY-MM-DD'), transferTo: to, version: m.version },
                          }),
                      });
                    }}
                  >
                    {t(tx('转出', 'Transfer out'))}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t(tx('登记团员或预备团员', 'Add a member'))}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={add.error} />
        <Form form={form} layout="vertical" initialValues={{ status: 'preparatory', date: dayjs() }} onFinish={(v) => add.mutate(v)}>
          <Form.Item name="branchId" label={t(tx('团支部', 'Branch'))} rules={[{ required: true }]}>
            <Select options={branches.data?.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="studentNo" label={t(tx('学号', 'Student no.'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t(tx('姓名', 'Name'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="status" label={t(tx('身份', 'Status'))}>
            <Select
              options={[
                { value: 'preparatory', label: t(STATUS.preparatory) },
                { value: 'member', label: t(STATUS.member) },
              ]}
            />
          </Form.Item>
          <Form.Item name="date" label={t(tx('入团日期 / 预备期开始', 'Joined / preparatory since'))}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!files} title={files?.name} footer={null} onCancel={() => setFiles(null)} width={720}>
        {files && <Attachments entity="league.member" entityId={files.id} defaultCategory="record" isReadOnly={!canManage} />}
      </Modal>
    </Page>
  );
}
