import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Grid, Input, List, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { Attachments } from '../../ui/attachments';
import { useModuleOn } from '../../ui/modules';
import { ErrorAlert } from '../../ui/page';
import { ACTION_LABELS, type Finding, type FindingCommand, type FindingEvent, formatYuan, STATE_LABELS, verdictLabel } from './finding.types';
import { orgTime } from '../../ui/time';

type Detail = Finding & { events: FindingEvent[] };

const PROMPTS: Record<FindingCommand, { title: ReturnType<typeof tx>; field: ReturnType<typeof tx>; danger?: boolean }> = {
  dispute: { title: tx('提出申诉', 'Dispute'), field: tx('申诉理由（书面）', 'Your written reason') },
  confirm: { title: tx('确认考核', 'Confirm'), field: tx('确认意见', 'Opinion') },
  withdraw: { title: tx('撤销考核', 'Withdraw'), field: tx('撤销理由', 'Reason'), danger: true },
  falsified: { title: tx('弄虚作假，加倍考核', 'Falsified: double the penalty'), field: tx('查实的情况', 'What was found'), danger: true },
};

export function FindingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  // A school's findings carry no money (penalties in yuan are the production regulation's).
  const money = useModuleOn('production');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [command, setCommand] = useState<FindingCommand | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['finding', id], queryFn: () => get<Detail>(`/assessment/findings/${id}`), enabled: !!id });
  const act = useMutation({
    mutationFn: ({ f, cmd }: { f: Detail; cmd: FindingCommand }) =>
      post<Detail>(`/assessment/findings/${f.id}/${cmd}`, cmd === 'confirm' ? { opinion: reason, version: f.version } : { reason, version: f.version }),
    onSuccess: (updated) => {
      message.success(t(tx('已保存', 'Saved')));
      qc.setQueryData(['finding', id], updated);
      qc.invalidateQueries({ queryKey: ['findings'] });
      setCommand(null);
      setReason('');
    },
  });
  const f = q.data;
  const en = locale === 'en';

  return (
    <Drawer open={!!id} onClose={onClose} width={screens.md ? 640 : '100%'} title={f ? f.subjectLabel : t(tx('考核结果', 'Finding'))} destroyOnHidden>
      <ErrorAlert error={q.error} />
      {f && (
        <>
          <Alert
            type={f.state === 'withdrawn' ? 'info' : 'warning'}
            showIcon={false}
            style={{ marginBottom: 16 }}
            message={
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t(tx('依据', 'Under'))} {f.clause}
              </Typography.Title>
            }
            description={en ? f.summaryEn : f.summaryZh}
          />
          <Descriptions size="small" column={screens.md ? 2 : 1} bordered>
            <Descriptions.Item label={t(tx('状态', 'State'))}>
              <Tag data-testid="finding-state" color={STATE_LABELS[f.state].color}>
                {t(STATE_LABELS[f.state].text)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t(tx('结论', 'Verdict'))}>{t(verdictLabel(f.verdict))}</Descriptions.Item>
            {money || f.amount ? (
              <Descriptions.Item label={t(tx('金额', 'Amount'))}>
                <Space wrap>
                  <strong>{formatYuan(f.amount)}</strong>
                  {f.isFalsified && (
                    <Tag color="red">
                      {t(tx('弄虚作假加倍，原', 'Doubled for falsification, was'))} {formatYuan(f.originalAmount)}
                    </Tag>
                  )}
                </Space>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t(tx('期间', 'Period'))}>{f.period ?? ''}</Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t(tx('证据记录', 'Evidence'))}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={f.evidence}
            locale={{ emptyText: t(tx('无', 'None')) }}
            renderItem={(e) => (
              <List.Item>{e.link?.startsWith('/') ? <Link to={e.link}>{e.label}</Link> : e.link ? <a href={e.link}>{e.label}</a> : e.label}</List.Item>
            )}
          />

          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t(tx('处理记录', 'History'))}
          </Typography.Title>
          <Timeline
            data-testid="finding-history"
            items={f.events.map((e) => ({
              color: e.action === 'falsified' || e.action === 'withdraw' ? 'red' : e.action === 'dispute' ? 'orange' : 'blue',
              children: (
                <div>
                  <strong>{t(ACTION_LABELS[e.action])}</strong> · {e.actorName} · {orgTime(e.at).format('YYYY-MM-DD HH:mm')}
                  {e.reason && <div>{e.reason}</div>}
                  {e.action === 'falsified' && (
                    <div>
                      {formatYuan(e.amountBefore)} → {formatYuan(e.amountAfter)}
                    </div>
                  )}
                </div>
              ),
            }))}
          />

          {(f.actions.includes('dispute') || f.events.some((e) => e.action === 'dispute')) && (
            // Issue 14 item 13 (CORE-9): the written dispute's evidence (photos, records) is filed with it.
            <div data-testid="dispute-attachments" style={{ marginTop: 12 }}>
              <Typography.Title level={5}>{t(tx('申诉材料', 'Dispute evidence'))}</Typography.Title>
              <Attachments entity="assessment.finding" entityId={f.id} defaultCategory="record" />
            </div>
          )}

          {f.actions.length > 0 && (
            <Space wrap style={{ marginTop: 8 }}>
              {f.actions.map((a) => (
                <Button
                  key={a}
                  data-testid={`finding-${a}`}
                  danger={PROMPTS[a].danger}
                  type={a === 'confirm' ? 'primary' : 'default'}
                  onClick={() => {
                    act.reset();
                    setCommand(a);
                  }}
                >
                  {t(PROMPTS[a].title)}
                </Button>
              ))}
            </Space>
          )}

          <Modal
            open={!!command}
            title={command ? t(PROMPTS[command].title) : ''}
            onCancel={() => setCommand(null)}
            onOk={() => command && act.mutate({ f, cmd: command })}
            okButtonProps={{ disabled: reason.trim().length < 2, danger: command ? PROMPTS[command].danger : false, 'data-testid': 'finding-command-ok' }}
            confirmLoading={act.isPending}
            destroyOnHidden
          >
            <ErrorAlert error={act.error} />
            {command === 'falsified' && (
              <Alert
                type="warning"
                style={{ marginBottom: 12 }}
                message={t(
                  tx(
                    '依据 T2 七.5：凡弄虚作假，一经查实，加倍考核。金额按制度参数的倍数调整，只加倍一次。',
                    'T2 七.5: falsified facts double the penalty. The amount is multiplied by the policy multiplier, once.',
                  ),
                )}
              />
            )}
            <Typography.Text>{command ? t(PROMPTS[command].field) : ''}</Typography.Text>
            <Input.TextArea data-testid="finding-reason" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} showCount />
          </Modal>
        </>
      )}
    </Drawer>
  );
}
