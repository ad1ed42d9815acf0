import { AppError } from '../errors';

// Issue 12: pure rules of the platform operator.

/** The one organisation whose people are the platform's operators. */
export const PLATFORM_ORG_CODE = 'platform';
export const OPERATOR_ROLE = 'operator';

export type OrgState = 'active' | 'disabled';

export const orgStateOf = (org: { disabledAt: Date | null }): OrgState => (org.disabledAt ? 'disabled' : 'active');

/** The platform itself is never disabled: its operators would lock themselves out. */
export function assertCanDisable(org: { kind: string; disabledAt: Date | null }): void {
  if (org.kind === 'platform') {
    throw new AppError('INVALID_STATE', '平台组织不能停用', 'The platform organisation cannot be disabled');
  }
}

/** A username an administrator can be given (the same rule as adding a person). */
export const isValidUsername = (value: string): boolean => /^[A-Za-z0-9._-]{2,64}$/.test(value);
