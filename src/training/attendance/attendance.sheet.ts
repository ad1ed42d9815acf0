import { defineSheet, type SheetRow } from '#core/excel';
import type { Roster } from './roster.service';

const statuses = [
  { value: 'on_time', zh: '按时', en: 'On time' },
  { value: 'late', zh: '迟到', en: 'Late' },
  { value: 'left_early', zh: '早退', en: 'Left early' },
  { value: 'absent', zh: '缺席', en: 'Absent' },
  { value: 'excused', zh: '请假', en: 'Excused' },
  { value: 'not_signed_in', zh: '未签到', en: 'Not signed in' },
  { value: 'pending', zh: '未开始', en: 'Not begun' },
];
const sources = [
  { value: 'self_qr', zh: '扫码签到', en: 'Self (QR)' },
  { value: 'recorder', zh: '记录员登记', en: 'Recorder' },
  { value: 'override', zh: '更正', en: 'Override' },
  { value: 'leave', zh: '请假批准', en: 'Approved leave' },
  { value: 'system', zh: '结束未签到', en: 'Not signed in by the end' },
];

/** A clean table (one header row) of one session's sign-in list (ANCHORS: exports import back). */
export const attendanceSheet = defineSheet({
  name: 'attendance',
  columns: [
    { key: 'staffNo', header: { zh: '工号', en: 'Staff no.' }, type: 'string', required: true, width: 10 },
    { key: 'name', header: { zh: '姓名', en: 'Name' }, type: 'string', width: 10 },
    { key: 'group', header: { zh: '教研组', en: 'Group' }, type: 'string', width: 14 },
    { key: 'status', header: { zh: '考勤状态', en: 'Status' }, type: 'enum', enumValues: statuses, required: true, width: 10 },
    { key: 'lateMinutes', header: { zh: '迟到分钟', en: 'Minutes late' }, type: 'integer', width: 10 },
    { key: 'leftEarlyMinutes', header: { zh: '早退分钟', en: 'Minutes early' }, type: 'integer', width: 10 },
    { key: 'signedInAt', header: { zh: '签到时间', en: 'Signed in at' }, type: 'string', width: 20 },
    { key: 'signedOutAt', header: { zh: '签退时间', en: 'Signed out at' }, type: 'string', width: 20 },
    { key: 'source', header: { zh: '来源', en: 'Source' }, type: 'enum', enumValues: sources, width: 12 },
    { key: 'flags', header: { zh: '提示', en: 'Flags' }, type: 'string', width: 16 },
    { key: 'note', header: { zh: '备注', en: 'Note' }, type: 'string', width: 24 },
  ],
});

const timeText = (d: Date | null, utcOffsetMinutes: number): string | null =>
  d ? new Date(d.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ') : null;

export function attendanceSheetRows(roster: Roster, utcOffsetMinutes: number): SheetRow[] {
  return roster.rows.map((r) => ({
    staffNo: r.staffNo,
    name: r.name,
    group: r.groupName,
    status: r.status,
    lateMinutes: r.record?.lateMinutes ?? null,
    leftEarlyMinutes: r.record?.leftEarlyMinutes ?? null,
    signedInAt: timeText(r.record?.signedInAt ?? null, utcOffsetMinutes),
    signedOutAt: timeText(r.record?.signedOutAt ?? null, utcOffsetMinutes),
    source: r.record?.source ?? null,
    flags: r.record?.flags.join('、') || null,
    note: r.record?.note ?? null,
  }));
}
