import { type Actor, requireAnyAccess } from '#core/access';

/** Passes when the actor holds any of the permissions (pages used by teachers and the office alike). */
export { requireAnyAccess };

/** Reads of the training module: the office (training.read) or a teacher (training.self). */
export const requireTrainingRead = (actor: Actor): void => requireAnyAccess(actor, ['training.read', 'training.self']);
