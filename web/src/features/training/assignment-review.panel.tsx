import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { ErrorAlert } from '../../ui/page';
import { ASSIGNMENT_KIND_LABELS, SUBMISSION_LABELS } from './training.labels';
import type { AssignmentView, SubmissionRow as Row } from './training.types';

const STATUS_COLORS: Record<string, string> = { open: 'default', missing: 'red', submitted: 'blue', late: 'orange', accepted: 'green', returned: 'magenta' };

/** ST-15: who handed in; the office accepts a piece of work or returns it with a comment. */
function SubmissionsDrawer({ assignment, onClose }: { assignment: AssignmentView; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [returning, setReturning] = useState<Row | null>(null);
  const [form] = Form.useForm();
  const rows = useQuery({
    queryKey: ['training', 'assignments', assignment.id, 'submissions'],
    queryFn: () => get<Row[]>(`/training/assignments/${assignment.id}/submissions`),
  });
  const review = useMutation({
    mutationFn: (v: { row: Row; isAccepted: boolean; comment?: string }) =>
      post(`/training/submissions/${v.row.submission!.id}/review`, {
        isAccepted: v.isAccepted,
        comment: v.comment || null,
        version: v.row.submission!.version,
      }),
    onSuccess: (_, v) => {
      setReturning(null);
      message.success(v.isAccepted ? t(tx('已通过', 'Accepted')) : t(tx('已退回', 'Returned')));
      qc.invalidateQueries({ queryKey: ['training', 'assignments'] });
    },
  });
  const canReview = can('training.session.manage');
  return (
    <Drawer open title={assignment.title} onClose={onClose} width={Math.min(760, window.innerWidth)} destroyOnHidden>
      <ErrorAlert error={rows.error ?? review.error} />
      <ListTable<Row>
        rowKey="teacherId"
        rows={rows.data}
        loading={rows.isLoading}
        testId="submissions"
        rowTestId={() => 'submission-row'}
        search={{ label: tx('搜索姓名', 'Search by name'), fields: (r) => [r.name, r.groupName] }}
        columns={[
          { key: 'name', title: t(tx('教师', 'Teacher')), dataIndex: 'name', card: 'title' },
          { key: 'group', title: t(tx('教研组', 'Group')), dataIndex: 'groupName', render: (g: string | null) => g ?? '' },
          {
            key: 'status',
            title: t(tx('状态', 'State')),
            card: 'status',
            render: (_: unknown, r: Row) => <Tag color={STATUS_COLORS[r.status]}>{t(SUBMISSION_LABELS[r.status] ?? tx('—', '—'))}</Tag>,
          },
          {
            key: 'content',
            title: t(tx('提交内容', 'Work handed in')),
            render: (_: unknown, r: Row) =>
              r.submission ? (
                <Typography.Paragraph
                  style={{ marginBottom: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                  ellipsis={{ rows: 3, expandable: true, symbol: t(tx('展开', 'More')) }}
                >
                  {r.submission.content}
                </Typography.Paragraph>
              ) : (
                ''
              ),
          },
          { key: 'comment', title: t(tx('审阅意见', 'Comment')), render: (_: unknown, r: Row) => r.submission?.reviewComment ?? '' },
          {
            key: 'review',
            title: '',
            card: 'actions',
            render: (_: unknown, r: Row) =>
              canReview && r.submission && r.submission.reviewState === 'submitted' ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    loading={review.isPending}
                    onClick={() => review.mutate({ row: r, isAccepted: true })}
                    data-testid="submission-accept"
                  >
                    {t(tx('通过', 'Accept'))}
                  </Button>
                  <Button size="small" onClick={() => setReturning(r)} data-testid="submission-return">
                    {t(tx('退回', 'Return'))}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!returning}
        title={t(tx(`退回 ${returning?.name ?? ''} 的作业`, `Return the work of ${returning?.name ?? ''}`))}
        onCancel={() => setReturning(null)}
        onOk={() => form.submit()}
        confirmLoading={review.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { comment: string }) => returning && review.mutate({ row: returning, isAccepted: false, comment: v.comment })}
        >
          <Form.Item
            name="comment"
            label={t(tx('修改意见', 'What to change'))}
            rules={[{ required: true, message: t(tx('退回时请写明修改意见', 'Give a comment when returning')) }]}
          >
            <Input.TextArea rows={3} data-testid="submission-return-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

/** ST-15: the term's assignments; the office opens one to review what came in. */
export function AssignmentsPanel({ rows, loading }: { rows: AssignmentView[] | undefined; loading: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = rows?.find((a) => a.id === openId);
  return (
    <>
      <ListTable<AssignmentView>
        rowKey="id"
        rows={rows}
        loading={loading}
        testId="assignments"
        rowTestId={() => 'assignment-row'}
        empty={tx('本学期还没有布置作业', 'No assignments this term')}
        columns={[
          { key: 'title', title: t(tx('作业', 'Assignment')), dataIndex: 'title', card: 'title' },
          { key: 'kind', title: t(tx('类型', 'Kind')), dataIndex: 'kind', render: (k: string) => t(ASSIGNMENT_KIND_LABELS[k] ?? tx(k, k)) },
          { key: 'due', title: t(tx('截止', 'Due')), dataIndex: 'dueOn' },
          { key: 'in', title: t(tx('已交/应交', 'In / expected')), card: 'status', render: (_: unknown, a: AssignmentView) => `${a.submitted}/${a.expected}` },
          ...(can('training.read')
            ? [
                {
                  key: 'open',
                  title: '',
                  card: 'actions' as const,
                  render: (_: unknown, a: AssignmentView) => (
                    <Button size="small" onClick={() => setOpenId(a.id)} data-testid="assignment-open">
                      {t(tx('提交与审阅', 'Review'))}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && <SubmissionsDrawer key={open.id} assignment={open} onClose={() => setOpenId(null)} />}
    </>
  );
}
