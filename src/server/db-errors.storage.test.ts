import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test-support';
import { translateDbError } from './db-errors';

// Issue 10 item 2, the last line of defence: the database's refusals of bad input become a
// 400 naming the column (or a 409 for a duplicate), on PGlite and PostgreSQL alike.
describe('database refusals of client input', () => {
  let database: TestDatabase;
  const refusal = async (query: ReturnType<typeof sql>) => {
    try {
      await database.db.execute(query);
    } catch (err) {
      return translateDbError(err);
    }
    throw new Error('the statement was accepted');
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.exec(`
      create table t_parent (org_id uuid not null, id uuid not null, primary key (org_id, id));
      create table t_child (
        org_id uuid not null, id serial, plan_id uuid, hours numeric(6, 2) not null check (hours > 0), note text, small smallint,
        primary key (org_id, id), foreign key (org_id, plan_id) references t_parent (org_id, id), unique (org_id, note));`);
  });
  afterAll(() => database.drop());

  const org = '11111111-1111-4111-8111-111111111111';
  const zero = '00000000-0000-0000-0000-000000000000';

  it('a reference that does not exist names its column, without org_id', async () => {
    const e = await refusal(sql`insert into t_child (org_id, plan_id, hours) values (${org}, ${zero}, 1)`);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'planId' }] });
  });

  it('a check the value fails (0.0001 hours rounds to 0) names its column', async () => {
    const e = await refusal(sql`insert into t_child (org_id, hours) values (${org}, ${0.0001})`);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'hours' }] });
  });

  it('not null, out of range and malformed values are 400s; a duplicate is a 409', async () => {
    expect((await refusal(sql`insert into t_child (org_id, hours) values (${org}, null)`))?.details?.[0].field).toBe('hours');
    expect((await refusal(sql`insert into t_child (org_id, hours, small) values (${org}, 1, ${70000})`))?.code).toBe('VALIDATION_FAILED');
    expect((await refusal(sql`insert into t_child (org_id, hours) values (${'not-a-uuid'}, 1)`))?.code).toBe('VALIDATION_FAILED');
    await database.db.execute(sql`insert into t_child (org_id, hours, note) values (${org}, 1, 'same')`);
    expect((await refusal(sql`insert into t_child (org_id, hours, note) values (${org}, 1, 'same')`))?.code).toBe('CONFLICT');
  });

  it('a real failure stays a failure (no translation)', async () => {
    expect(await refusal(sql`select 1 / (select 0)`)).toBeUndefined();
  });
});
