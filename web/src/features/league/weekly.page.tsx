import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { BlackboardPanel } from './blackboard.panel';
import type { Week, Weeks } from './league.types';

/** YL-3 (S5 三.3, 三.6): each week's flag-raising (on the policy's weekday) with the week's themes; blackboard checks every two weeks. */
export function LeagueWeeklyPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Week | null>(null);
  const [form] = Form.useForm();
  const weeks = useQuery({ queryKey: ['league', 'flags'], queryFn: () => get<Weeks>('/league/flag-raisings') });
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => put('/league/flag-raisings', { ...v, weekStart: editing?.weekStart }),
    onSuccess: () => {
      setEditing(null);
      qc.invalidateQueries({ queryKey: ['league'] });
    },
  });
  return (
    <Page title={tx('升旗与板报', 'Flag-raising and blackboards')}>
      <ErrorAlert error={weeks.error} />
      {(weeks.data?.missing.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            tx(`以下升旗日尚未登记升旗主题：${weeks.data?.missing.join('、')}`, `Flag-raising days without a theme: ${weeks.data?.missing.join(', ')}`),
          )}
        />
      )}
      <Table<Week>
        rowKey="weekStart"
        size="small"
        dataSource={weeks.data?.weeks}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t(tx('升旗日', 'Flag-raising day')), dataIndex: 'weekStart', width: 110 },
          { title: t(tx('本周主题', 'Theme')), render: (_: unknown, w: Week) => w.record?.theme ?? <Tag>{t(tx('未登记', 'None'))}</Tag> },
          { title: t(tx('工作重点', 'Focus')), render: (_: unknown, w: Week) => w.record?.focus ?? '' },
          { title: t(tx('班会主题', 'Class meeting')), render: (_: unknown, w: Week) => w.record?.classMeetingTheme ?? '' },
          { title: t(tx('板报主题', 'Blackboard')), render: (_: unknown, w: Week) => w.record?.blackboardTheme ?? '' },
          ...(can('league.manage')
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, w: Week) => (
                    <Button
                      size="small"
                      onClick={() => {
                        form.setFieldsValue(w.record ?? { theme: '', focus: '', classMeetingTheme: '', blackboardTheme: '', speaker: '' });
                        setEditing(w);
                      }}
                    >
                      {t(tx('登记', 'Edit'))}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <BlackboardPanel />
      <Modal
        open={!!editing}
        title={editing?.weekStart}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={save.error} />
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="theme" label={t(tx('本周主题', 'Theme'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="focus" label={t(tx('本周工作重点', 'Focus'))}>
            <Input />
          </Form.Item>
          <Form.Item name="classMeetingTheme" label={t(tx('班会主题', 'Class meeting theme'))}>
            <Input />
          </Form.Item>
          <Form.Item name="blackboardTheme" label={t(tx('板报主题', 'Blackboard theme'))}>
            <Input />
          </Form.Item>
          <Form.Item name="speaker" label={t(tx('国旗下讲话', 'Speaker'))}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
