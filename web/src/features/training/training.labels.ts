import { type Text, tx } from '../../ui/i18n';
import { orgTime } from '../../ui/time';

// Words for the codes the training API uses; the server's clauses stay as they are.

export const CATEGORY_LABELS: Record<string, Text> = {
  theory: tx('教育教学基本理论', 'Theory'),
  newCurriculum: tx('新课程培训', 'New curriculum'),
  language: tx('语言文字培训', 'Language'),
  subjectSkills: tx('学科基本功', 'Subject skills'),
  informationTechnology: tx('现代信息技术', 'Information technology'),
  moralEducation: tx('德育与班主任工作', 'Moral education'),
  degreeDistance: tx('学历提高与远程教育', 'Degree and distance'),
};
export const CATEGORY_OPTIONS = Object.keys(CATEGORY_LABELS);

export const STATUS_LABELS: Record<string, Text> = {
  on_time: tx('按时', 'On time'),
  late: tx('迟到', 'Late'),
  left_early: tx('早退', 'Left early'),
  absent: tx('缺席', 'Absent'),
  excused: tx('请假', 'Excused'),
  not_signed_in: tx('未签到', 'Not signed in'),
  pending: tx('未开始', 'Not begun'),
};
export const STATUS_COLORS: Record<string, string> = {
  on_time: 'green',
  late: 'orange',
  left_early: 'gold',
  absent: 'red',
  excused: 'blue',
  not_signed_in: 'default',
  pending: 'default',
};

export const SOURCE_LABELS: Record<string, Text> = {
  self_qr: tx('扫码', 'QR'),
  recorder: tx('记录员登记', 'Recorder'),
  override: tx('更正', 'Override'),
  leave: tx('请假批准', 'Leave'),
  system: tx('结束未签到', 'No sign-in by the end'),
};

export const FLAG_LABELS: Record<string, Text> = {
  shared_device: tx('同一手机多人签到', 'One phone, several people'),
  grace_token: tx('二维码宽限期内', 'Within the grace period'),
  came_despite_leave: tx('请假后仍到场', 'Came despite leave'),
};

export const OUTLINE_LABELS: Record<string, Text> = {
  written: tx('提纲已交', 'Outline in'),
  late: tx('提纲迟交', 'Outline late'),
  due: tx('提纲待交', 'Outline due'),
  missing: tx('缺提纲', 'No outline'),
};
export const OUTLINE_COLORS: Record<string, string> = { written: 'green', late: 'orange', due: 'blue', missing: 'red' };

export const PHASE_LABELS: Record<string, Text> = {
  upcoming: tx('未开始', 'Upcoming'),
  open: tx('签到中', 'Sign-in open'),
  ended: tx('已结束', 'Ended'),
  cancelled: tx('已取消', 'Cancelled'),
};

export const STAGE_LABELS: Record<string, Text> = {
  novice: tx('初任', 'Novice'),
  competent: tx('胜任', 'Competent'),
  backbone: tx('骨干', 'Backbone'),
  renowned: tx('知名', 'Renowned'),
  expert: tx('专家', 'Expert'),
};
export const BACKBONE_LABELS: Record<string, Text> = {
  provincial: tx('省级骨干', 'Provincial'),
  city: tx('市级骨干', 'City'),
  district: tx('区级骨干', 'District'),
};
export const LEADERSHIP_LABELS: Record<string, Text> = { head: tx('组长', 'Head'), deputy: tx('副组长', 'Deputy'), member: tx('成员', 'Member') };

export const LEAVE_KIND_LABELS: Record<string, Text> = { sick: tx('病假', 'Sick'), personal: tx('事假', 'Personal'), official: tx('公假', 'Official duty') };
export const LEAVE_STATE_LABELS: Record<string, Text> = {
  pending: tx('待批', 'Pending'),
  approved: tx('已批准', 'Approved'),
  rejected: tx('未批准', 'Refused'),
  withdrawn: tx('已撤回', 'Withdrawn'),
};
export const LEAVE_STATE_COLORS: Record<string, string> = { pending: 'processing', approved: 'green', rejected: 'red', withdrawn: 'default' };

export const CLAIM_KIND_LABELS: Record<string, Text> = {
  national: tx('国培', 'National'),
  provincial: tx('省级', 'Provincial'),
  city: tx('市级', 'City'),
  district: tx('区级', 'District'),
  distance: tx('远程', 'Distance'),
  degree: tx('学历提高', 'Degree'),
  other: tx('其他', 'Other'),
};
export const CLAIM_STATE_LABELS: Record<string, Text> = {
  pending: tx('待认定', 'Pending'),
  recognised: tx('已认定', 'Recognised'),
  rejected: tx('不予认定', 'Refused'),
  withdrawn: tx('已撤回', 'Withdrawn'),
};

export const NOTE_KIND_LABELS: Record<string, Text> = {
  article_excerpt: tx('业务文章摘录', 'Article excerpt'),
  information_excerpt: tx('教育信息摘录', 'Information excerpt'),
  study_note: tx('学习笔记', 'Study note'),
  record_book: tx('校本培训记录册', 'Training record book'),
  reflection: tx('教学反思', 'Reflection'),
  observation: tx('听课记录', 'Observation notes'),
};

export const FOUR_ONES_LABELS: Record<string, Text> = {
  book: tx('读一本教育专著', 'Read a book'),
  demo_lesson: tx('上一节研讨课', 'Teach a demo lesson'),
  lesson_evaluation: tx('评一节课', 'Evaluate a lesson'),
  narrative: tx('写一篇教育叙事', 'Write a narrative'),
};
export const ASSIGNMENT_KIND_LABELS: Record<string, Text> = {
  paper: tx('论文', 'Paper'),
  lesson_design: tx('教学设计', 'Lesson design'),
  study_notes: tx('学习笔记', 'Study notes'),
  case: tx('教学案例', 'Case'),
  reflection: tx('心得反思', 'Reflection'),
};
export const SUBMISSION_LABELS: Record<string, Text> = {
  open: tx('待提交', 'To hand in'),
  missing: tx('未交', 'Missing'),
  submitted: tx('已提交', 'Handed in'),
  late: tx('逾期提交', 'Late'),
  accepted: tx('已通过', 'Accepted'),
  returned: tx('退回修改', 'Returned'),
};
export const ACTIVITY_LABELS: Record<string, Text> = {
  experience_exchange: tx('经验交流', 'Experience exchange'),
  case_analysis: tx('案例分析', 'Case analysis'),
  lesson_design: tx('教学设计', 'Lesson design'),
  observation: tx('教学观摩', 'Observation'),
};
export const HONOUR_LABELS: Record<string, Text> = {
  commendation: tx('期末表彰', 'Commendation'),
  criticism: tx('通报批评', 'Public criticism'),
  advanced_individual: tx('先进个人', 'Advanced individual'),
  advanced_group: tx('先进教研组', 'Advanced group'),
};
export const SOURCE_EVAL_LABELS: Record<string, Text> = {
  self: tx('自评', 'Self'),
  peers: tx('同事', 'Peers'),
  administrators: tx('学校/管理者', 'Administrators'),
  students: tx('学生', 'Students'),
  parents: tx('家长', 'Parents'),
};

/** The school year a day falls in (September to August), as the server counts it. */
export function currentSchoolYear(date = new Date()): string {
  const day = orgTime(date);
  const y = day.year();
  return day.month() + 1 >= 9 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}
export const currentTerm = (date = new Date()): 1 | 2 => {
  const month = orgTime(date).month() + 1;
  return month >= 9 || month < 2 ? 1 : 2;
};
export const schoolYearOptions = (): string[] => {
  const now = currentSchoolYear();
  const first = Number(now.slice(0, 4));
  // Next year too: its plan is written before it starts.
  return [-1, 0, 1, 2].map((i) => `${first - i}-${first - i + 1}`);
};

/** A mentor pair's record kinds and states, as the mentor's page and the office's panel show them. */
export const MENTOR_RECORD_KIND_LABELS: Record<string, Text> = {
  guidance: tx('指导', 'Guidance'),
  observation: tx('听徒弟的课', 'Observed the mentee'),
  demo_lesson: tx('示范课', 'Demonstration lesson'),
  review: tx('阶段小结', 'Review'),
};
export const MENTOR_PAIR_STATE_LABELS: Record<string, Text> = {
  active: tx('进行中', 'Active'),
  completed: tx('已完成', 'Completed'),
  ended: tx('已解除', 'Ended'),
};
export interface MentorRecord {
  id: string;
  kind: string;
  occurredOn: string;
  content: string;
}
