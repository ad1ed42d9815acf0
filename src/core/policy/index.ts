export { policyVersions } from './policy-version.schema';
export { CREDIT_CATEGORIES, isPresetName, POLICY_SECTIONS, PolicySchema, PRESET_NAMES } from './policy.schema';
export type { CreditCategory, Policy, PolicySection, PresetName, StandingSlot } from './policy.schema';
export { POLICY_PRESETS, PRESET_LABELS, presetNameFor } from './policy.presets';
export type { PresetKind } from './policy.presets';
export { FIELD_META, findFieldMeta, SECTION_LABELS } from './policy.meta';
export type { FieldMeta } from './policy.meta';
export { diffPolicies, mergePolicyValues, parsePolicy } from './policy.rules';
export type { PolicyChange } from './policy.rules';
export {
  applyPreset,
  diffPolicyVersions,
  findPolicyVersions,
  getPolicy,
  getPolicyVersion,
  getPolicyView,
  runWithPolicyScope,
  updatePolicy,
} from './policy.service';
export type { PolicyCheck, PolicyUpdate, PolicyView } from './policy.service';
export { policyModule } from './policy.module';
export { FieldMetaSchema, PolicyChangeSchema, PolicyMetaSchema, PolicyVersionRowSchema, PolicyViewSchema } from './policy.contract';
export type { PolicyMeta, PolicyVersionRow } from './policy.contract';
