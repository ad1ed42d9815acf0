import { type Actor, requireAnyAccess, SYSTEM_USER_ID } from '#core/access';

/** Passes when the actor holds any of the permissions (pages used by teachers and the office alike). */
export { requireAnyAccess };

/** Reads of the training module: the office (training.read) or a teacher (training.self). */
export const requireTrainingRead = (actor: Actor): void => requireAnyAccess(actor, ['training.read', 'training.self']);

// The scheduler's and the seed's system actor is nobody in the users table.
export const userIdOf = (actor: Actor): string | null => (actor.userId === SYSTEM_USER_ID ? null : actor.userId);

export const isUniqueViolation = (err: unknown): boolean => {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
};
