export { auditLog } from './audit.schema';
export { findAuditEntries, writeAudit } from './audit.service';
export type { AuditEntry, AuditQuery } from './audit.service';
export { auditModule } from './audit.module';
export { composeAuditLabels, diffValues, recordName } from './audit.rules';
export type { AuditLabels, AuditLabelTable } from './audit.rules';
export { AuditChangeSchema, AuditEntryViewSchema, AuditFacetsSchema } from './audit.contract';
export type { AuditChange, AuditEntryView, AuditFacets } from './audit.contract';
