import { type Actor, hasPermission } from '#core/access';
import type { Db } from '#core/db';
import { findTeacherOfUser, findTeachers, getTeacher, type TeacherFilter, type TeacherView } from './teacher.service';

/** What a colleague may know of a teacher: the name and the group, no phone, no login name. */
export interface TeacherEntry {
  id: string;
  name: string;
  groupId: string | null;
  groupName: string | null;
  isActive: boolean;
}

const entryOf = (t: TeacherView): TeacherEntry => ({ id: t.id, name: t.name, groupId: t.groupId, groupName: t.groupName, isActive: t.isActive });

// The register in full (phones, accounts, staff numbers) is the office's: training.read.
const seesRegister = (actor: Actor) => hasPermission(actor, 'training.read') || hasPermission(actor, 'training.teacher.manage');

/** GET /training/teachers: the whole register for the office, names and groups for teachers. */
export async function readTeacherRegister(db: Db, actor: Actor, filter: TeacherFilter): Promise<TeacherView[] | TeacherEntry[]> {
  const rows = await findTeachers(db, actor, filter);
  return seesRegister(actor) ? rows : rows.map(entryOf);
}

/** GET /training/teachers/:id: in full for the office and for the teacher themself. */
export async function readTeacher(db: Db, actor: Actor, id: string): Promise<TeacherView | TeacherEntry> {
  const row = await getTeacher(db, actor, id);
  if (seesRegister(actor)) return row;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  return me?.id === row.id ? row : entryOf(row);
}
