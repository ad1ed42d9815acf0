import { z } from 'zod';
import { SchoolYear, TermNo, TermQuery, Version } from '../common';

// Issue 13 item 14, S2 五.5: 学期末校本培训考核小组对教师进行考核.

const Bilingual = z.object({ zh: z.string(), en: z.string() });
export const PANEL_VERDICTS = ['qualified', 'unqualified'] as const;

export const TermPanelQuery = z.object({ schoolYear: SchoolYear, term: TermQuery });
export type TermPanelQuery = z.infer<typeof TermPanelQuery>;

export const TermPanelFactsView = z.object({
  unexcusedAbsences: z.number(),
  sessionsExpected: z.number(),
  sessionsPresent: z.number(),
  assignmentsDue: z.number(),
  assignmentsMissing: z.number(),
  selfStudyWeeksDue: z.number(),
  selfStudyWeeksMet: z.number(),
  records: z.number(),
});

export const TermPanelDecisionView = z.object({
  id: z.string(),
  verdict: z.enum(PANEL_VERDICTS),
  opinion: z.string().nullable(),
  facts: TermPanelFactsView,
  decidedByName: z.string(),
  decidedAt: z.string(),
  version: z.number(),
});
export type TermPanelDecisionView = z.infer<typeof TermPanelDecisionView>;

export const TermPanelRowView = z.object({
  teacherId: z.string(),
  name: z.string(),
  groupName: z.string().nullable(),
  facts: TermPanelFactsView,
  proposed: z.enum(PANEL_VERDICTS),
  concerns: z.array(Bilingual),
  decision: TermPanelDecisionView.nullable(),
});
export type TermPanelRowView = z.infer<typeof TermPanelRowView>;

export const TermPanelList = z.object({
  schoolYear: z.string(),
  term: z.number(),
  /** Whether the caller sits on the panel the policy names. */
  canDecide: z.boolean(),
  unexcusedAbsenceLimit: z.number(),
  rows: z.array(TermPanelRowView),
});
export type TermPanelList = z.infer<typeof TermPanelList>;

export const TermPanelDecideBody = z.object({
  teacherId: z.uuid(),
  schoolYear: SchoolYear,
  term: TermNo,
  verdict: z.enum(PANEL_VERDICTS),
  opinion: z.string().trim().max(2000).nullish(),
  /** The version of the decision being changed; absent for the first decision. */
  version: Version.optional(),
});
export type TermPanelDecideBody = z.infer<typeof TermPanelDecideBody>;
