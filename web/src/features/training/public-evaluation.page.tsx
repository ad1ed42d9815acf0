import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Result, Segmented, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { CriteriaForm } from './evaluation.page';
import type { PublicForm } from './training.types';

/** ST-9 (S1 评价): the anonymous form for students and parents; no sign-in, nothing but the teacher's name shown. */
export function PublicEvaluationPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [source, setSource] = useState<'students' | 'parents'>('parents');
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const form = useQuery({ queryKey: ['public-evaluation', token], queryFn: () => get<PublicForm>(`/training/public/evaluations/${token}`), retry: false });
  const send = useMutation({ mutationFn: () => post(`/training/public/evaluations/${token}`, { source, scores, comment: comment || null }) });
  const wrap = (body: ReactNode) => (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', display: 'flex', justifyContent: 'center', padding: 16 }}>
      <Card style={{ width: 480, maxWidth: '100%' }}>{body}</Card>
    </div>
  );
  if (send.isSuccess) return wrap(<Result status="success" title={t(tx('谢谢您的评价！', 'Thank you!'))} data-testid="public-evaluation-done" />);
  if (!form.data) return wrap(<ErrorAlert error={form.error} />);
  const f = form.data;
  return wrap(
    <>
      <Typography.Title level={4}>{f.roundTitle}</Typography.Title>
      <Typography.Paragraph>
        {t(tx(`评价教师：${f.teacherName}（匿名，截止 ${f.closesOn}）`, `Teacher: ${f.teacherName} (anonymous, until ${f.closesOn})`))}
      </Typography.Paragraph>
      {!f.isOpen && <Result status="warning" title={t(tx('评价尚未开放或已结束', 'The evaluation is not open'))} />}
      <ErrorAlert error={send.error} />
      <Segmented
        block
        value={source}
        onChange={(v) => setSource(v as 'students' | 'parents')}
        options={[
          { value: 'parents', label: t(tx('我是家长', 'I am a parent')) },
          { value: 'students', label: t(tx('我是学生', 'I am a student')) },
        ]}
        style={{ marginBottom: 16 }}
      />
      <CriteriaForm criteria={f.criteria} value={scores} onChange={setScores} />
      <Input.TextArea
        rows={3}
        style={{ marginTop: 12 }}
        placeholder={t(tx('想对老师说的话（可选）', 'A word for the teacher (optional)'))}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Button
        type="primary"
        block
        size="large"
        style={{ marginTop: 16 }}
        disabled={!f.isOpen}
        loading={send.isPending}
        onClick={() => send.mutate()}
        data-testid="public-evaluation-submit"
      >
        {t(tx('提交评价', 'Submit'))}
      </Button>
    </>,
  );
}
