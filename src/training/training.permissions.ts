import type { PermissionDeclaration } from '#core/access';

/** What a role may do in school-based training; roles are data, these are the choices. */
export const TRAINING_PERMISSIONS: PermissionDeclaration[] = [
  { code: 'training.read', label: { zh: '查看校本培训', en: 'Read training' } },
  { code: 'training.self', label: { zh: '本人培训（签到、请假、学分）', en: 'Own training (sign-in, leave, credits)' } },
  { code: 'training.teacher.manage', label: { zh: '教师名单与档案', en: 'Teacher register' } },
  {
    code: 'training.school.manage',
    label: { zh: '全校培训（各教研组与全体场次、作废场次）', en: 'Whole-school training (every group, all-staff sessions, voiding)' },
  },
  { code: 'training.plan.write', label: { zh: '编制培训计划', en: 'Write training plans' } },
  { code: 'training.session.manage', label: { zh: '管理培训场次', en: 'Manage sessions' } },
  { code: 'training.attendance.record', label: { zh: '考勤记录', en: 'Record attendance' } },
  { code: 'training.leave.approve', label: { zh: '审批请假', en: 'Approve leave' } },
  { code: 'training.credit.approve', label: { zh: '认定学分', en: 'Recognise credits' } },
  { code: 'training.assess', label: { zh: '年度考核', en: 'Yearly assessment' } },
];
