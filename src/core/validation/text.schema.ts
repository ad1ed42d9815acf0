import { z } from 'zod';
import { findUnsafeCharacter, UNSAFE_REASONS } from './text.rules';

/**
 * The text field of a contract: trimmed length limits, and no character the database or a
 * reader cannot take (NUL and other control characters, unpaired surrogates). New contracts
 * use it for every free-text field; the server refuses the same characters on every route.
 */
export function safeText(options: { min?: number; max: number }) {
  return z
    .string()
    .min(options.min ?? 0)
    .max(options.max)
    .superRefine((value, ctx) => {
      const reason = findUnsafeCharacter(value);
      if (reason) ctx.addIssue({ code: 'custom', message: UNSAFE_REASONS[reason].en });
    });
}

/** Words in both languages, as every label and title the API sends to a page. */
export const wordsSchema = z.object({ zh: z.string(), en: z.string() });

/** Hours as the database keeps them (numeric with two decimals): positive, at most two decimals. */
export function hoursValue(options: { max: number }) {
  return z.number().positive().max(options.max).refine(hasTwoDecimalsAtMost, 'at most two decimals (0.01 h)');
}

export function hasTwoDecimalsAtMost(n: number): boolean {
  const scaled = n * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 && Math.round(scaled) > 0;
}
