import { Steps, Timeline, Typography } from 'antd';
import { tx, useI18n } from '../../ui/i18n';
import { ACTION_LABELS, type DocumentView } from './approval.types';
import { orgTime } from '../../ui/time';

/** The chain's steps with where the document stands, then every action with its opinion. */
export function ApprovalTimeline({ doc }: { doc: DocumentView }) {
  const { t } = useI18n();
  const current = doc.state === 'submitted' ? (doc.stepIndex ?? 0) : doc.state === 'draft' || doc.state === 'rejected' ? -1 : doc.steps.length;
  return (
    <div data-testid="approval-timeline">
      {doc.steps.length > 0 && (
        <Steps
          size="small"
          responsive
          current={current}
          status={doc.state === 'rejected' ? 'error' : undefined}
          style={{ marginBottom: 16 }}
          items={doc.steps.map((s) => ({ title: t({ zh: s.nameZh, en: s.nameEn }) }))}
        />
      )}
      {doc.timeline.length === 0 ? (
        <Typography.Text type="secondary">{t(tx('尚无审批记录', 'No actions yet'))}</Typography.Text>
      ) : (
        <Timeline
          items={doc.timeline.map((e) => ({
            color: e.action === 'reject' ? 'red' : e.action === 'approve' ? 'green' : 'blue',
            children: (
              <div>
                <Typography.Text strong>{t(ACTION_LABELS[e.action] ?? { zh: e.action, en: e.action })}</Typography.Text>
                {e.stepNameZh && <Typography.Text type="secondary"> · {t({ zh: e.stepNameZh, en: e.stepNameEn ?? e.stepNameZh })}</Typography.Text>}
                <div>
                  {e.actorName} · {orgTime(e.at).format('YYYY-MM-DD HH:mm')} · {t(tx(`第 ${e.revision} 版`, `revision ${e.revision}`))}
                </div>
                {e.opinion && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>“{e.opinion}”</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
