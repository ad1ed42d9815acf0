import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, makeContext } from '#server';
import { createTestDatabase, newOrg, newPerson, TEST_PASSWORD, type TestDatabase } from '../support';

describe('request logging', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('never writes a password or a session token to the log, even at debug level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(makeContext(database, '/tmp/zhidu-log-test'), { logger: { level: 'trace', stream } });
    const { org } = await newOrg(database.db);
    const person = await newPerson(database.db, org.id, ['audit.read']);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: person.username, password: TEST_PASSWORD } });
    const token = login.cookies[0].value;
    await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: `zhidu_session=${token}` } });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: person.username, password: 'Wrong-secret-99' } });
    await app.close();
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(100);
    expect(log).not.toContain(TEST_PASSWORD);
    expect(log).not.toContain('Wrong-secret-99');
    expect(log).not.toContain(token);
  });
});
