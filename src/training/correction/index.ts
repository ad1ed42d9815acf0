// Corrections after the fact (issue 13): voiding a session entered by mistake, and the
// policy role's override of one locked record.
export { voidSession } from './session-void.service';
export type { VoidOutcome } from './session-void.service';
export { overrideLockedRecord } from './lock-override.service';
export type { OverrideInput } from './lock-override.service';
export { correctionRoutes } from './correction.routes';
