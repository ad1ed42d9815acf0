import { z } from 'zod';

/** Route params of a record addressed by its id: /things/:id. */
export const IdParams = z.object({ id: z.uuid() });
