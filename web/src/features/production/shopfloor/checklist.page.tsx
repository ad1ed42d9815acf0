import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Input, Popconfirm, Result, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { get, post } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert, Page } from '../../../ui/page';
import type { ChecklistForm } from './shopfloor.labels';
import { orgTime } from '../../../ui/time';

interface Answer {
  ok: boolean;
  note: string;
  ownerUserId?: string;
  dueOn: string;
  cannotFix: boolean;
}

/** T4 第四十一条: the daily safety checklist on one phone screen — every item ok or a problem. */
export function ChecklistPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const workshopId = params.get('workshopId') ?? undefined;
  const q = useQuery({
    queryKey: ['production', 'checklist', workshopId ?? ''],
    queryFn: () => get<ChecklistForm>(`/production/floor/checklist${workshopId ? `?workshopId=${workshopId}` : ''}`),
  });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const save = useMutation({
    mutationFn: (form: ChecklistForm) =>
      post('/production/floor/checklists', {
        workshopId: form.workshop.id,
        results: form.items.map((i) => {
          const a = answers[i.id];
          return a && !a.ok
            ? { itemId: i.id, ok: false, note: a.note, ownerUserId: a.ownerUserId ?? null, dueOn: a.dueOn, cannotFix: a.cannotFix }
            : { itemId: i.id, ok: true };
        }),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['production'] });
      navigate(`/production/floor?workshopId=${q.data?.workshop.id ?? ''}`);
    },
  });
  const form = q.data;
  if (!form) return <Page title={tx('安全生产检查表', 'Safety checklist')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  if (form.mine) {
    return (
      <Page title={tx('安全生产检查表', 'Safety checklist')}>
        <Result
          status="success"
          title={t(tx(`今天（${form.today}）已填写`, `Done today (${form.today})`))}
          subTitle={`${form.workshop.name} · ${orgTime(form.mine.checkedAt).format('HH:mm')} · ${t(tx(`发现问题 ${form.mine.problemCount} 项`, `${form.mine.problemCount} problems`))}`}
          extra={<Button onClick={() => navigate('/production/floor')}>{t(tx('返回现场管理', 'Back to the shop floor'))}</Button>}
        />
      </Page>
    );
  }
  const tomorrow = dayjs(form.today).add(1, 'day').format('YYYY-MM-DD');
  const answer = (id: string): Answer => answers[id] ?? { ok: true, note: '', dueOn: tomorrow, cannotFix: false };
  const set = (id: string, change: Partial<Answer>) => setAnswers((a) => ({ ...a, [id]: { ...answer(id), ...change } }));
  const problems = form.items.filter((i) => !answer(i.id).ok);
  const isIncomplete = problems.some((i) => answer(i.id).note.trim().length < 2);
  return (
    <Page title={{ zh: `安全生产检查表 · ${form.workshop.name}`, en: `Safety checklist · ${form.workshop.name}` }}>
      <div style={{ maxWidth: 560 }}>
        <Typography.Paragraph type="secondary">
          {form.today} ·{' '}
          {t(
            tx(
              '逐项检查，发现问题写明情况；本车间无法整改的勾选“立即上报”（T4 第四十一条）。',
              'Check each item; describe any problem; tick “escalate” if the workshop cannot fix it (T4 art. 41).',
            ),
          )}
        </Typography.Paragraph>
        {form.items.length === 0 && (
          <Alert
            type="warning"
            showIcon
            message={t(tx('尚未设置检查项，请生产部在“现场管理 → 检查项设置”中添加', 'No items yet: production adds them under Shop floor → Checklist items'))}
          />
        )}
        <ErrorAlert error={save.error} />
        {form.items.map((i, n) => {
          const a = answer(i.id);
          return (
            <Card key={i.id} size="small" style={{ marginBottom: 8, borderColor: a.ok ? undefined : '#fa8c16' }} data-testid="check-item">
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                <Typography.Text>
                  {n + 1}. {i.text}
                </Typography.Text>
                <Segmented
                  value={a.ok ? 'ok' : 'problem'}
                  onChange={(v) => set(i.id, { ok: v === 'ok' })}
                  options={[
                    { value: 'ok', label: t(tx('正常', 'OK')) },
                    { value: 'problem', label: <span data-testid="check-problem">{t(tx('有问题', 'Problem'))}</span> },
                  ]}
                />
              </Space>
              {!a.ok && (
                <div style={{ marginTop: 8 }}>
                  <Input.TextArea
                    rows={2}
                    maxLength={500}
                    value={a.note}
                    onChange={(e) => set(i.id, { note: e.target.value })}
                    placeholder={t(tx('问题情况', 'What is wrong'))}
                    data-testid="check-note"
                  />
                  <Space wrap style={{ marginTop: 6 }}>
                    <Select
                      allowClear
                      placeholder={t(tx('整改责任人（默认本人）', 'Owner (default: me)'))}
                      style={{ width: 170 }}
                      value={a.ownerUserId}
                      onChange={(v) => set(i.id, { ownerUserId: v })}
                      options={form.people.map((p) => ({ value: p.id, label: p.name }))}
                    />
                    <DatePicker
                      inputReadOnly
                      value={dayjs(a.dueOn)}
                      onChange={(d) => d && set(i.id, { dueOn: d.format('YYYY-MM-DD') })}
                      style={{ width: 140 }}
                    />
                    <Checkbox checked={a.cannotFix} onChange={(e) => set(i.id, { cannotFix: e.target.checked })} data-testid="check-cannot-fix">
                      {t(tx('本车间无法整改，立即上报', 'Cannot fix here: escalate'))}
                    </Checkbox>
                  </Space>
                </div>
              )}
            </Card>
          );
        })}
        {form.items.length > 0 && (
          <Popconfirm
            title={
              problems.length
                ? t(tx(`提交后将生成 ${problems.length} 项整改，确定提交？`, `Submit and open ${problems.length} rectifications?`))
                : t(tx('全部正常，确定提交？', 'All fine. Submit?'))
            }
            onConfirm={() => save.mutate(form)}
            disabled={isIncomplete}
          >
            <Button type="primary" size="large" block disabled={isIncomplete} loading={save.isPending} data-testid="check-submit">
              {problems.length
                ? t(tx(`提交（发现问题 ${problems.length} 项）`, `Submit (${problems.length} problems)`))
                : t(tx('全部正常，提交', 'All fine, submit'))}
            </Button>
          </Popconfirm>
        )}
      </div>
    </Page>
  );
}
