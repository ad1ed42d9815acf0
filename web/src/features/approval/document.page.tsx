import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { ApprovalTimeline } from './approval-timeline.panel';
import { type DocumentView, STATE_COLORS, STATE_LABELS } from './approval.types';
import { DocumentActions } from './document-actions.panel';
import { DocumentContent, DocumentEditor } from './document-content.panel';
import { DistributionPanel } from './distribution.panel';
import { RevisionsPanel } from './revisions.panel';
import { orgTime } from '../../ui/time';

export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [isEditing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['document', id], queryFn: () => get<DocumentView>(`/documents/${id}`) });
  const doc = q.data;
  if (!doc) {
    return (
      <Page title={tx('文件', 'Document')}>
        <ErrorAlert error={q.error} />
        {q.isLoading && <Spin />}
      </Page>
    );
  }
  const waiting = doc.state === 'submitted' && doc.stepIndex !== null ? doc.steps[doc.stepIndex] : undefined;
  const isAdjusting = doc.effectiveRevision !== null && doc.effectiveRevision !== doc.revision;
  return (
    <Page
      title={{ zh: doc.title, en: doc.title }}
      extra={
        <Tag color={STATE_COLORS[doc.state]} data-testid="doc-state">
          {t(STATE_LABELS[doc.state])}
        </Tag>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {doc.number} · {t(doc.docTypeLabel)} · {doc.authorName}
        {doc.departmentName ? ` · ${doc.departmentName}` : ''} · {t(tx(`第 ${doc.revision} 版`, `revision ${doc.revision}`))} ·{' '}
        {orgTime(doc.updatedAt).format('YYYY-MM-DD HH:mm')}
      </Typography.Paragraph>
      {waiting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx(`等待审批：${waiting.nameZh}`, `Waiting for: ${waiting.nameEn || waiting.nameZh}`))}
        />
      )}
      {isAdjusting && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            tx(
              `正在调整：第 ${doc.revision} 版批准前，第 ${doc.effectiveRevision} 版继续有效`,
              `Being adjusted: revision ${doc.effectiveRevision} stays in force until revision ${doc.revision} is approved`,
            ),
          )}
        />
      )}
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t(tx('内容', 'Content'))}
        extra={
          doc.canEdit && doc.isGenericEditable && !isEditing ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="doc-edit">
              {t(tx('编辑', 'Edit'))}
            </Button>
          ) : null
        }
      >
        {isEditing ? <DocumentEditor doc={doc} onSaved={() => setEditing(false)} /> : <DocumentContent body={doc.body} />}
      </Card>
      {!isEditing && <DocumentActions doc={doc} />}
      <Tabs
        items={[
          { key: 'timeline', label: t(tx('审批记录', 'Approval history')), children: <ApprovalTimeline doc={doc} /> },
          { key: 'distribution', label: t(tx('发放与签收', 'Distribution')), children: <DistributionPanel documentId={doc.id} /> },
          {
            key: 'revisions',
            label: <span data-testid="tab-revisions">{t(tx('历史版本', 'Revisions'))}</span>,
            children: <RevisionsPanel key={doc.revision} documentId={doc.id} revision={doc.revision} />,
          },
        ]}
      />
    </Page>
  );
}
