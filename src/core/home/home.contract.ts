import { z } from 'zod';
import { wordsSchema } from '../validation';

// GET /home (issue 15 item 3): each role's first screen — due work, late items, the next
// deadline and one card per module the person has. Modules contribute cards through their
// declaration (`homeSources`); the server composes them.

export const WordsSchema = wordsSchema;

/** One thing to do, in words, with where to do it. */
export const HomeTaskSchema = z.object({
  /** What kind of work it is, in words (待审批, 升旗主题 …). */
  tag: WordsSchema,
  title: WordsSchema,
  link: z.string(),
  /** ISO date or time it is due; null when nothing fixes a date. */
  due: z.string().nullable(),
  isLate: z.boolean(),
  /** ISO time since when it waits, when known. */
  since: z.string().nullable(),
});

export const HomeFigureSchema = z.object({
  label: WordsSchema,
  /** A count, or a state in words (本月计划：审批中). */
  value: z.union([z.number(), WordsSchema]),
  /** Shown after a count, e.g. "/ 24" for credits out of the year's requirement. */
  suffix: z.string().nullable(),
  link: z.string().nullable(),
  tone: z.enum(['normal', 'good', 'warning', 'danger']),
});

export const HomeCardSchema = z.object({
  module: z.string(),
  title: WordsSchema,
  link: z.string().nullable(),
  figures: z.array(HomeFigureSchema),
  tasks: z.array(HomeTaskSchema),
});

export const HomeResponseSchema = z.object({
  counts: z.object({ waiting: z.number().int(), late: z.number().int(), unread: z.number().int() }),
  nextDeadline: z.object({ title: WordsSchema, due: z.string(), link: z.string().nullable(), clause: z.string() }).nullable(),
  /** Everything waiting for me from every module, late first, then by due date. */
  tasks: z.array(HomeTaskSchema.extend({ module: z.string() })),
  /** One card per module with figures (cards with tasks only give their tasks to the list). */
  cards: z.array(HomeCardSchema),
});

export type Words = z.infer<typeof WordsSchema>;
export type HomeTask = z.infer<typeof HomeTaskSchema>;
export type HomeFigure = z.infer<typeof HomeFigureSchema>;
export type HomeCard = z.infer<typeof HomeCardSchema>;
export type HomeView = z.infer<typeof HomeResponseSchema>;
