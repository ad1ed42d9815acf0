// The teacher register (ST-12): subject, grade, title, stage, backbone level, group, leadership group.
export {
  BACKBONE_LABELS,
  BACKBONE_LEVELS,
  LEADERSHIP_LABELS,
  LEADERSHIP_ROLES,
  STAGE_LABELS,
  TEACHER_STAGES,
  trainingTeachers,
} from './teacher.schema';
export type { BackboneLevel, LeadershipRole, TeacherRow, TeacherStage } from './teacher.schema';
export {
  addTeacher,
  assertTeacher,
  assertTeacherFound,
  findRosterTeacherIds,
  findTeacherNames,
  findTeacherOfUser,
  findTeachers,
  getMyTeacher,
  notInRegister,
  getTeacher,
  updateTeacher,
} from './teacher.service';
export type { TeacherFilter, TeacherView } from './teacher.service';
export type { TeacherChange, TeacherInput } from './teacher.contract';
export { teachersExcelTable, teachersSheet } from './teacher.sheet';
export { teacherRoutes } from './teacher.routes';
export { TeacherEntrySchema, TeacherRowSchema, TeacherViewSchema } from './teacher.contract';
export type { TeacherEntry } from './teacher.contract';
