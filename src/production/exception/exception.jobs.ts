import type { Job } from '#core/http';
import { settleCoordinatedExceptions } from './exception-flow.service';

/** Each tick: action items closed on the meeting page close their exception's loop too. */
export const exceptionJobs: Job[] = [
  async (ctx) => {
    try {
      await settleCoordinatedExceptions(ctx.db, ctx.clock());
    } catch (err) {
      console.error('settling coordinated exceptions failed', err instanceof Error ? err.message : err);
    }
  },
];
