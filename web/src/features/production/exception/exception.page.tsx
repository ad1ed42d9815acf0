import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, List, Popconfirm, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { Attachments } from '../../../ui/attachments';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import { EXCEPTION_KIND_LABELS, type ExceptionDetail, TIMELINE_LABELS } from './exception.labels';
import { ExceptionActions } from './exception-actions.panel';
import { ExceptionStateTag } from './exceptions.page';
import { orgTime } from '../../../ui/time';

const at = (iso: string | null) => (iso ? orgTime(iso).format('YYYY-MM-DD HH:mm') : '');

/** PP-19: one exception — impact, the coordination meeting and its action items, the whole timeline. */
export function ExceptionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['production', 'exception', id];
  const q = useQuery({ queryKey: key, queryFn: () => get<ExceptionDetail>(`/production/exceptions/${id}`) });
  const refresh = (e?: ExceptionDetail) => {
    if (e) qc.setQueryData(key, e);
    qc.invalidateQueries({ queryKey: ['production', 'exceptions'] });
  };
  const complete = useMutation({
    mutationFn: (a: { id: string; version: number }) => post<ExceptionDetail>(`/production/exceptions/${id}/actions/${a.id}/complete`, { version: a.version }),
    onSuccess: (e) => {
      refresh(e);
      message.success(e.state === 'resolved' ? t(tx('事项全部办结，异常已解决', 'All items closed: the exception is resolved')) : '✓');
    },
  });
  const e = q.data;
  if (!e) return <Page title={tx('生产异常', 'Exception')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const title = `${e.number} ${e.workshopName} ${t(EXCEPTION_KIND_LABELS[e.kind])}`;
  return (
    <Page
      title={{ zh: title, en: title }}
      extra={
        <Space>
          <ExceptionStateTag state={e.state} />
          {e.isEscalated && <Tag color="purple">{t(tx('已上报副总经理', 'Escalated'))}</Tag>}
        </Space>
      }
    >
      <ErrorAlert error={complete.error} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('情况', 'What happened'))} span={3}>
          <span data-testid="exc-detail-description">{e.description}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('开始时间', 'Started'))}>{at(e.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t(tx('已损失 / 预计（小时）', 'Lost / estimated (h)'))}>
          {e.hoursLost} / {e.hoursEstimated}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('上报人', 'Reported by'))}>
          {e.reportedByName} {at(e.reportedAt)}
        </Descriptions.Item>
        {e.machineRef ? <Descriptions.Item label={t(tx('设备', 'Machine'))}>{e.machineRef}</Descriptions.Item> : null}
        {e.affectedWorkshops.length > 0 ? (
          <Descriptions.Item label={t(tx('影响车间', 'Workshops hit'))}>{e.affectedWorkshops.map((w) => w.name).join('、')}</Descriptions.Item>
        ) : null}
        {e.escalatedAt && (
          <Descriptions.Item label={t(tx('上报副总经理', 'Escalated'))} span={3}>
            {e.escalatedByName} {at(e.escalatedAt)} {e.escalationNote}
          </Descriptions.Item>
        )}
        {e.resolvedAt && (
          <Descriptions.Item label={t(tx('解决', 'Resolved'))} span={3}>
            {e.resolvedByName ?? t(tx('系统', 'System'))} {at(e.resolvedAt)} {e.resolution}
          </Descriptions.Item>
        )}
        {e.closedAt && (
          <Descriptions.Item label={t(tx('关闭', 'Closed'))} span={3}>
            {e.closedByName} {at(e.closedAt)} {e.closeNote}
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.needsCoordination ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="exc-needs-meeting"
          message={t(
            tx(
              '影响其它车间或总生产进度，须召开生产协调会（T4 第三十五、五十四条）',
              'Hits other workshops or the total schedule: a coordination meeting is needed (T4 art. 35, 54)',
            ),
          )}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {e.reasons.map((r, i) => (
                <li key={i}>{t(r)}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('未影响其它车间和总进度（按所填影响判断）', 'Does not hit other workshops or the total schedule (as reported)'))}
        />
      )}
      <ExceptionActions exception={e} onChanged={refresh} />
      {e.impactLines.length > 0 && (
        <Card size="small" title={t(tx('影响的计划', 'Plan lines at risk'))} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey={(l) => `${l.planId}|${l.itemId}`}
            pagination={false}
            dataSource={e.impactLines}
            columns={[
              {
                title: t(tx('计划 · 产品', 'Plan · product')),
                render: (_: unknown, l) => (
                  <>
                    {l.itemCode} {l.itemName}
                    <div>
                      <Typography.Text type="secondary">{l.planTitle}</Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: t(tx('最后计划日', 'Last planned day')), dataIndex: 'dueOn', width: 100 },
              {
                title: t(tx('富余工时 / 判断', 'Spare hours / verdict')),
                width: 110,
                render: (_: unknown, l) => (
                  <>
                    {l.slackHours} h {l.isLate ? <Tag color="red">{t(tx('将延误', 'Late'))}</Tag> : <Tag color="green">{t(tx('可消化', 'Fits'))}</Tag>}
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
      {e.meeting && (
        <Card
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="exc-meeting"
          title={t(tx('生产协调会', 'Coordination meeting'))}
          extra={<Link to={`/meetings/${e.meeting.id}`}>{t(tx('打开会议', 'Open the meeting'))}</Link>}
        >
          <Typography.Paragraph>
            {e.meeting.title}
            <br />
            {at(e.meeting.startsAt)} · {t(tx('主持', 'Chair'))} {e.meeting.chairName}
            {e.meeting.location ? ` · ${e.meeting.location}` : ''}
            {e.meeting.clause ? ` · ${t(tx('依据', 'per'))} ${e.meeting.clause}` : ''}
          </Typography.Paragraph>
          <Typography.Text strong>{t(tx('会议决议', 'Decisions'))}</Typography.Text>
          <List
            size="small"
            dataSource={e.meeting.decisions}
            locale={{ emptyText: t(tx('尚无决议', 'No decisions yet')) }}
            renderItem={(d, i) => (
              <List.Item>
                {i + 1}. {d.body}
              </List.Item>
            )}
          />
          <Typography.Text strong>{t(tx('交办事项（全部办结即闭环）', 'Action items (all closed closes the loop)'))}</Typography.Text>
          <List
            size="small"
            dataSource={e.meeting.actions}
            locale={{ emptyText: t(tx('尚无交办事项', 'No action items')) }}
            renderItem={(a) => (
              <List.Item
                data-testid="exc-action"
                actions={[
                  a.state === 'done' ? (
                    <Tag color="green" key="s">
                      {t(tx('已办结', 'Done'))}
                    </Tag>
                  ) : a.canComplete ? (
                    <Popconfirm key="c" title={t(tx('确认该事项已办结？', 'Mark this item done?'))} onConfirm={() => complete.mutate(a)}>
                      <Button size="small" type="primary" loading={complete.isPending} data-testid="exc-action-complete">
                        {t(tx('办结', 'Complete'))}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Tag color="blue" key="s">
                      {t(tx('办理中', 'Open'))}
                    </Tag>
                  ),
                ]}
              >
                <List.Item.Meta title={a.title} description={`${a.ownerName} · ${t(tx('期限', 'due'))} ${a.dueOn}`} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t(tx('处理经过', 'Timeline'))} style={{ marginBottom: 12 }}>
        <Timeline
          items={e.timeline.map((x) => ({
            children: (
              <span data-testid="exc-timeline">
                <Typography.Text type="secondary">{at(x.at)}</Typography.Text> {t(TIMELINE_LABELS[x.kind] ?? { zh: x.kind, en: x.kind })}
                {x.actorName ? ` · ${x.actorName}` : ''}
                {x.note ? `：${x.note}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t(tx('照片与附件', 'Photos and files'))}>
        <Attachments entity="production.exception" entityId={e.id} defaultCategory="record" />
      </Card>
    </Page>
  );
}
