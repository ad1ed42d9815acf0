import { AppError } from '#core/errors';
import { PlanningInputError } from '#production/planning';

/** A kernel's refusal becomes a 400 naming the field, never a 500. */
export async function withPlanningErrors<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PlanningInputError) {
      throw new AppError('VALIDATION_FAILED', `计划数据有误：${e.field}：${e.message}`, `Planning data rejected: ${e.describe()}`, [
        { field: e.field, reason: e.messageEn },
      ]);
    }
    throw e;
  }
}
