// Used while the policy has no archive.maxUploadMb of its own.
export const ARCHIVE_CONFIG = {
  defaultMaxUploadMb: 20,
  /** The most one zip export may hold (files and their total size); beyond it the user narrows the filter. */
  zipMaxFiles: 5000,
  zipMaxBytes: 2 * 1024 * 1024 * 1024,
} as const;

/** Archive categories of S2 五.3–五.4 (plans, records, certificates, lesson plans, reflections…). */
export const ARCHIVE_CATEGORIES = [
  { value: 'plan', zh: '计划', en: 'Plan' },
  { value: 'record', zh: '记录', en: 'Record' },
  { value: 'certificate', zh: '证书', en: 'Certificate' },
  { value: 'lesson-plan', zh: '教案', en: 'Lesson plan' },
  { value: 'reflection', zh: '反思', en: 'Reflection' },
  { value: 'study-notes', zh: '学习笔记', en: 'Study notes' },
  { value: 'summary', zh: '总结', en: 'Summary' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const;

export type ArchiveCategory = (typeof ARCHIVE_CATEGORIES)[number]['value'];
export const ARCHIVE_CATEGORY_VALUES = ARCHIVE_CATEGORIES.map((c) => c.value) as [ArchiveCategory, ...ArchiveCategory[]];
