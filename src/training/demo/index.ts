// Demo data of the training module, and the small school the tests build on.
export { newTrainingSchool, schoolRoles } from './school.builder';
export type { SchoolTeacher, TestSchool } from './school.builder';
export { seedTrainingSchool } from './training.seed';
