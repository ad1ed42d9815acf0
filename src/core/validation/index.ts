// Shared input rules: text a client may send, and numbers as the database stores them.
export { findUnsafeCharacter, findUnsafeText, UNSAFE_REASONS } from './text.rules';
export type { UnsafeReason, UnsafeText } from './text.rules';
export { hasTwoDecimalsAtMost, hoursValue, safeText, wordsSchema } from './text.schema';
export { assertInOrganisation } from './reference';
export { IdParams } from './params.schema';
export { VersionQuery } from './query.contract';
export { MonthSchema } from './period.schema';
export type { MonthText } from './period.schema';
export type { Wire } from './wire';
