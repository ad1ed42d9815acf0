import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { invalidField } from '../errors';

/**
 * Refuses ids that are not rows of `table` in the organisation, naming the field (a 400
 * before any insert, rather than a foreign-key failure). Every table keeps org_id and id.
 */
export async function assertInOrganisation(db: Db, table: string, orgId: string, ids: (string | null | undefined)[], field: string): Promise<void> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return;
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const result = await db.execute(
    sql`select id::text as id from ${sql.identifier(table)} where org_id = ${orgId} and id in (${sql.join(
      wanted.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  const rows = ((result as { rows?: { id: string }[] }).rows ?? (result as unknown as { id: string }[])) as { id: string }[];
  const found = new Set(rows.map((r) => r.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length) throw invalidField(field, `引用的记录不存在（${missing.length} 项）`, `${missing.length} of the records it names do not exist`);
}
