import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { PrintButton, PrintSheet } from '../../ui/print-sheet';
import { STATUS_LABELS } from './training.labels';
import type { Roster } from './training.types';
import { orgTime } from '../../ui/time';

type Row = Roster['rows'][number];

/** ST-4 (S1 考勤 五): the printed sign-in sheet, with what the system already knows and room to sign. */
export function SessionPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['training', 'roster', id], queryFn: () => get<Roster>(`/training/sessions/${id}/roster`) });
  const s = q.data?.session;
  return (
    <Page title={tx('签到表', 'Sign-in sheet')} extra={<PrintButton disabled={!s} />}>
      <ErrorAlert error={q.error} />
      {s && q.data && (
        <PrintSheet<Row>
          title={t(tx('校本培训签到表', 'School-based training sign-in sheet'))}
          meta={[
            { label: t(tx('培训内容', 'Session')), value: s.title },
            { label: t(tx('时间', 'When')), value: `${s.sessionDate} ${s.localStart}–${s.localEnd}` },
            { label: t(tx('地点', 'Place')), value: s.location ?? '' },
            { label: t(tx('主讲人', 'Trainer')), value: s.trainerDisplay ?? '' },
            { label: t(tx('记录员', 'Recorder')), value: s.recorderName ?? '' },
          ]}
          columns={[
            { key: 'name', title: t(tx('姓名', 'Name')), width: '22mm' },
            { key: 'groupName', title: t(tx('教研组', 'Group')), width: '28mm' },
            { key: 'in', title: t(tx('签到', 'In')), width: '30mm', render: (r) => (r.record?.signedInAt ? orgTime(r.record.signedInAt).format('HH:mm') : '') },
            { key: 'sign', title: t(tx('本人签名', 'Signature')), width: '30mm', render: () => '' },
            { key: 'status', title: t(tx('考勤', 'Status')), width: '18mm', render: (r) => (r.record ? t(STATUS_LABELS[r.status]) : '') },
            { key: 'note', title: t(tx('备注', 'Note')), render: (r) => r.record?.note ?? '' },
          ]}
          rows={q.data.rows}
          rowKey={(r) => r.teacherId}
          minRows={q.data.rows.length + 3}
          signatures={[t(tx('记录员', 'Recorder')), t(tx('培训领导小组', 'Leadership group'))]}
        />
      )}
    </Page>
  );
}
