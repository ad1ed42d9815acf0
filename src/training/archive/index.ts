// Teacher development archive and school training archive, assembled from the records (ST-8).
export { getTeacherArchive } from './teacher-archive.service';
export type { TeacherArchive } from './teacher-archive.service';
export { getSchoolArchive } from './school-archive.service';
export type { SchoolArchive } from './school-archive.service';
export { exportSchoolArchive, exportTeacherArchive } from './archive.export';
export { archiveRoutes } from './archive.routes';
