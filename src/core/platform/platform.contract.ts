import { z } from 'zod';
import { safeText } from '../validation';

// Issue 12: what the platform operator may see of an organisation. Its name, kind, modules
// and size; never a person's name nor a document (the serializer drops anything else).

export const OrgKindValue = z.enum(['enterprise', 'school', 'district', 'platform']);

export const OrganisationSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: OrgKindValue,
  template: z.string(),
  modules: z.array(z.object({ name: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })),
  createdAt: z.string(),
  state: z.enum(['active', 'disabled']),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  isPlatform: z.boolean(),
  size: z.object({
    people: z.number().int(),
    activePeople: z.number().int(),
    files: z.number().int(),
    fileBytes: z.number().int(),
    auditEntries30d: z.number().int(),
  }),
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const NewOrganisationBody = z.object({
  name: safeText({ min: 1, max: 100 }).refine((v) => v.trim().length > 0, '需要组织名称 / a name is required'),
  template: z.string().min(1).max(10),
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, '代码为 2–32 位小写字母、数字或横线 / 2–32 lowercase letters, digits or dashes')
    .optional(),
  adminUsername: z.string().min(2).max(64),
  adminPassword: z.string().min(1).max(200),
});
export type NewOrganisationBody = z.infer<typeof NewOrganisationBody>;

export const CreatedOrganisation = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: OrgKindValue,
  template: z.string(),
  modules: z.array(z.string()),
  admin: z.object({ username: z.string() }),
});

export const DisableBody = z.object({ reason: safeText({ min: 1, max: 500 }).refine((v) => v.trim().length > 0, '需要停用原因 / a reason is required') });

export const TemplateOption = z.object({ code: z.string(), label: z.object({ zh: z.string(), en: z.string() }), kind: OrgKindValue });
export type TemplateOption = z.infer<typeof TemplateOption>;
