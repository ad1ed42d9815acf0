import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { PrintButton, PrintSheet } from '../../ui/print-sheet';
import { VERDICT_LABELS } from './assessment.page';
import { currentSchoolYear } from './training.labels';
import type { Assessment } from './training.types';

/** ST-7: the printed assessment table for the annual appraisal file. */
export function AssessmentPrintPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const year = params.get('schoolYear') ?? currentSchoolYear();
  const q = useQuery({ queryKey: ['training', 'assessments', year], queryFn: () => get<Assessment[]>(`/training/assessments?schoolYear=${year}`) });
  return (
    <Page title={tx('校本培训考核表', 'Training assessment table')} extra={<PrintButton disabled={!q.data} />}>
      <ErrorAlert error={q.error} />
      {q.data && (
        <PrintSheet<Assessment>
          title={t(tx(`${year} 学年教师校本培训考核表`, `School-based training assessment ${year}`))}
          meta={[
            { label: t(tx('人数', 'Teachers')), value: q.data.length },
            { label: t(tx('不合格', 'Unqualified')), value: q.data.filter((a) => a.verdict === 'unqualified').length },
          ]}
          columns={[
            { key: 'staffNo', title: t(tx('工号', 'No.')), width: '16mm' },
            { key: 'teacherName', title: t(tx('姓名', 'Name')), width: '18mm' },
            { key: 'groupName', title: t(tx('教研组', 'Group')), width: '24mm' },
            { key: 'credits', title: t(tx('学分', 'Credits')), width: '12mm', align: 'center' },
            { key: 'unexcusedAbsences', title: t(tx('缺席', 'Absent')), width: '12mm', align: 'center' },
            { key: 'verdict', title: t(tx('等次', 'Verdict')), width: '14mm', render: (a) => t(VERDICT_LABELS[a.verdict]) },
            { key: 'reasons', title: t(tx('依据', 'Basis')), render: (a) => a.reasons.map((r) => `${r.clause}：${t(r.summary)}`).join('；') },
          ]}
          rows={q.data}
          rowKey={(a) => a.id}
          signatures={[t(tx('考核小组', 'Assessment group')), t(tx('教导处', 'Teaching affairs')), t(tx('校长', 'Principal'))]}
        />
      )}
    </Page>
  );
}
