import { z } from 'zod';

/** The querystring of a delete that names the version it saw: DELETE /things/:id?version=3. */
export const VersionQuery = z.object({ version: z.coerce.number().int() });
