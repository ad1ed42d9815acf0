import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { del, get, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';

interface Holiday {
  date: string;
  name: string;
  isWorkday: boolean;
  version: number;
}

/** 节假日与调休: the working calendar that deadlines and recurring meetings follow (CORE-6). */
export function HolidaysPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [editing, setEditing] = useState<Holiday | 'new' | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['holidays', year], queryFn: () => get<Holiday[]>(`/calendar/holidays?from=${year}-01-01&to=${year}-12-31`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['holidays'] });
  const save = useMutation({
    mutationFn: (v: { date: dayjs.Dayjs; name: string; isWorkday: boolean }) =>
      editing === 'new'
        ? post('/calendar/holidays', { date: v.date.format('YYYY-MM-DD'), name: v.name, isWorkday: !!v.isWorkday })
        : put(`/calendar/holidays/${(editing as Holiday).date}`, { name: v.name, isWorkday: !!v.isWorkday, version: (editing as Holiday).version }),
    onSuccess: () => {
      message.success(t(tx('已保存', 'Saved')));
      setEditing(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (h: Holiday) => del(`/calendar/holidays/${h.date}?version=${h.version}`),
    onSuccess: refresh,
    onError: (e) => message.error((e as Error).message),
  });
  const national = useQuery({
    queryKey: ['national-holidays'],
    queryFn: () => get<{ year: number; status: 'official' | 'statutory-only'; days: number }[]>('/calendar/national-holidays'),
    enabled: can('admin.policy'),
  });
  const shipped = national.data?.find((n) => n.year === year);
  const importYear = useMutation({
    mutationFn: () => post<{ added: number; kept: number }>('/calendar/national-holidays/import', { year }),
    onSuccess: (r) => {
      message.success(t(tx(`已导入 ${r.added} 天，保留已有的 ${r.kept} 天`, `Imported ${r.added} days; kept ${r.kept} already set`)));
      refresh();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const open = (h: Holiday | 'new') => {
    save.reset();
    form.resetFields();
    if (h !== 'new') form.setFieldsValue({ date: dayjs(h.date), name: h.name, isWorkday: h.isWorkday });
    setEditing(h);
  };
  const isAdmin = can('admin.policy');
  return (
    <Page
      title={tx('节假日与调休', 'Holidays and make-up days')}
      extra={
        <Space wrap>
          <Select value={year} onChange={setYear} options={[-1, 0, 1, 2].map((d) => ({ value: dayjs().year() + d, label: String(dayjs().year() + d) }))} />
          {isAdmin && shipped && (
            <Popconfirm
              title={t(tx(`导入 ${year} 年国家节假日？`, `Import the ${year} national holidays?`))}
              description={t(
                shipped.status === 'official'
                  ? tx(
                      `将加入国务院公布的 ${shipped.days} 个放假与调休上班日；已在日历中的日期保持不变。`,
                      `Adds the ${shipped.days} holidays and make-up working days the State Council published; days already in the calendar stay as they are.`,
                    )
                  : tx(
                      `国务院安排尚未收录，只加入 ${shipped.days} 个法定假日（不含连休和调休）；已在日历中的日期保持不变。`,
                      `The State Council arrangement is not shipped yet: adds only the ${shipped.days} statutory days (no bridging or make-up days); days already set stay.`,
                    ),
              )}
              okText={t(tx('导入', 'Import'))}
              cancelText={t(tx('取消', 'Cancel'))}
              okButtonProps={{ 'data-testid': 'holidays-import-confirm' }}
              onConfirm={() => importYear.mutateAsync().catch(() => undefined)}
            >
              <Button data-testid="holidays-import" loading={importYear.isPending}>
                {t(tx('导入国家节假日', 'Import national holidays'))}
              </Button>
            </Popconfirm>
          )}
          {isAdmin && (
            <Button type="primary" onClick={() => open('new')}>
              {t(tx('添加日期', 'Add a day'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} />
      <Table
        rowKey="date"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={false}
        scroll={{ x: 520 }}
        locale={{ emptyText: t(tx('本年尚未登记节假日；周末按制度参数中的休息日计算', 'No holidays yet this year; weekends follow the policy’s rest days')) }}
        columns={[
          {
            title: t(tx('日期', 'Date')),
            dataIndex: 'date',
            width: 130,
            render: (d: string) =>
              `${d} ${t([tx('周日', 'Sun'), tx('周一', 'Mon'), tx('周二', 'Tue'), tx('周三', 'Wed'), tx('周四', 'Thu'), tx('周五', 'Fri'), tx('周六', 'Sat')][dayjs(d).day()])}`,
          },
          { title: t(tx('名称', 'Name')), dataIndex: 'name' },
          {
            title: t(tx('类型', 'Kind')),
            dataIndex: 'isWorkday',
            width: 120,
            render: (w: boolean) => (w ? <Tag color="green">{t(tx('调休上班', 'Make-up workday'))}</Tag> : <Tag color="red">{t(tx('放假', 'Holiday'))}</Tag>),
          },
          {
            title: '',
            width: 150,
            render: (_: unknown, h: Holiday) =>
              isAdmin && (
                <Space>
                  <Button size="small" onClick={() => open(h)}>
                    {t(tx('修改', 'Edit'))}
                  </Button>
                  <Popconfirm title={t(tx('删除这一天？', 'Remove this day?'))} onConfirm={() => remove.mutate(h)}>
                    <Button size="small" danger>
                      {t(tx('删除', 'Remove'))}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? tx('添加日期', 'Add a day') : tx('修改日期', 'Edit a day'))}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={save.error} />
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ isWorkday: false }}>
          <Form.Item name="date" label={t(tx('日期', 'Date'))} rules={[{ required: true }]}>
            <DatePicker disabled={editing !== 'new'} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="name" label={t(tx('名称', 'Name'))} rules={[{ required: true }]}>
            <Input placeholder={t(tx('如：国庆节、国庆调休', 'e.g. National Day'))} />
          </Form.Item>
          <Form.Item name="isWorkday" label={t(tx('调休上班日（周末上班）', 'Make-up working day (work on a weekend)'))} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
