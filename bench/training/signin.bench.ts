import { Worker } from 'node:worker_threads';
import { SESSION_COOKIE } from '#core/auth';
import { countStatements } from '#test-support';
import { call, driversOf, pct, startServer } from '../api/index';
import type { BenchModule, BenchRow } from '../run.js';
import { createBenchSchool } from './school.setup.js';

// ST-4 quality bar: a school of 200 teachers signs in to one session within a minute,
// through the real HTTP server, phones scanning the code the room's screen shows at
// that moment. Afterwards: exactly one record per teacher, none lost, none doubled.

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 200);
const SPREAD_SECONDS = Number(process.env.BENCH_SPREAD_SECONDS ?? 60);
// One in five phones scans twice (a shaky hand, an impatient second tap).
const DOUBLE_SCAN_SHARE = 0.2;

interface Outcome {
  ms: number;
  status: number;
  isNew: boolean | null;
  code?: string;
}

const errorsOf = (outcomes: Outcome[]): string => {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.status !== 200) counts.set(`${o.status} ${o.code ?? ''}`.trim(), (counts.get(`${o.status} ${o.code ?? ''}`.trim()) ?? 0) + 1);
  return counts.size ? ` (${[...counts].map(([k, n]) => `${n}× ${k}`).join(', ')})` : '';
};

async function runCase(driver: 'pglite' | 'pg', spreadSeconds: number, everyoneScansTwice = false): Promise<BenchRow[]> {
  const server = await startServer(driver);
  const { database, ctx, base } = server;
  try {
    const setupStarted = performance.now();
    const school = await createBenchSchool(ctx.db, TEACHERS, new Date(), SESSION_COOKIE);
    // The session began two minutes ago and runs ninety minutes: sign-in is open.
    const local = new Date(Date.now() - 2 * 60_000 + 8 * 3_600_000).toISOString();
    const created = await call(base, school.office, 'POST', '/training/sessions', {
      title: '全体教师集中培训（压测）',
      category: 'theory',
      date: local.slice(0, 10),
      startTime: local.slice(11, 16),
      durationMinutes: 90,
      audience: 'all',
    });
    if (created.status !== 201) throw new Error(`session not created: ${created.status} ${JSON.stringify(created.json)}`);
    const sessionId = (created.json as { id: string }).id;
    const setupMs = performance.now() - setupStarted;

    // The screen: fetches the current code as the page does, a little before each expiry.
    let token = '';
    const refresh = async () => {
      const r = await call(base, school.recorder, 'GET', `/training/sessions/${sessionId}/qr`);
      token = (r.json as { token: string }).token;
      return new Date((r.json as { expiresAt: string }).expiresAt).getTime();
    };
    // The phones scan on their own thread (phones.worker.mjs); the screen stays here and hands
    // each new code to them.
    let expiresAt = await refresh();
    // Issue 10: what each scan costs the one embedded connection (the screen's refreshes included).
    const statements = countStatements(ctx.db);
    const phones = new Worker(new URL('./phones.worker.mjs', import.meta.url), {
      workerData: {
        base,
        teachers: school.teachers.map((t) => ({ cookie: t.cookie, csrf: t.csrf })),
        spreadSeconds,
        everyoneScansTwice,
        doubleShare: DOUBLE_SCAN_SHARE,
        token,
      },
    });
    let isRunning = true;
    const screen = (async () => {
      while (isRunning) {
        await new Promise((r) => setTimeout(r, Math.max(200, expiresAt - Date.now() - 500)));
        if (isRunning) {
          expiresAt = await refresh();
          phones.postMessage({ token });
        }
      }
    })();
    const { outcomes, wallMs } = await new Promise<{ outcomes: Outcome[]; wallMs: number }>((resolve, reject) => {
      phones.once('message', resolve);
      phones.once('error', reject);
    });
    await phones.terminate();
    isRunning = false;
    await screen;
    statements.stop();

    const [{ n, teachers }] = await database.query<{ n: number; teachers: number }>(
      'select count(*)::int as n, count(distinct teacher_id)::int as teachers from training_attendance where org_id = $1 and session_id = $2',
      [school.orgId, sessionId],
    );
    const ok = outcomes.filter((o) => o.status === 200);
    const created200 = ok.filter((o) => o.isNew === true).length;
    const latencies = outcomes.map((o) => o.ms);
    const isExact = n === TEACHERS && teachers === TEACHERS && created200 === TEACHERS && ok.length === outcomes.length;
    const label = `${TEACHERS} teachers${everyoneScansTwice ? ' × 2 scans' : ''}, ${spreadSeconds ? `over ${spreadSeconds} s` : 'all at once'}, ${driver === 'pg' ? 'PostgreSQL' : 'PGlite'}`;
    const row = (metric: string, value: string, target?: string, okFlag?: boolean): BenchRow => ({
      benchmark: 'training sign-in',
      case: label,
      metric,
      value,
      target,
      ok: okFlag,
    });
    return [
      row('scans sent (incl. double scans)', String(outcomes.length)),
      row('HTTP 200 / errors', `${ok.length} / ${outcomes.length - ok.length}${errorsOf(outcomes)}`, 'no error', ok.length === outcomes.length),
      row('records: rows / distinct teachers', `${n} / ${teachers}`, `${TEACHERS} / ${TEACHERS}`, isExact),
      row('first scans that created the record', String(created200), String(TEACHERS), created200 === TEACHERS),
      row('all signed in after', `${(wallMs / 1000).toFixed(1)} s`, `≤ ${Math.max(60, spreadSeconds + 5)} s`, wallMs <= Math.max(60, spreadSeconds + 5) * 1000),
      // A burst queues behind one database: its latency is reported, the arrival case is held to a target.
      row(
        'latency p50 / p95 / max',
        `${pct(latencies, 50).toFixed(0)} / ${pct(latencies, 95).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} ms`,
        // The hall (everyone twice within 5 s) is held to its p99 below instead.
        spreadSeconds && !everyoneScansTwice ? 'p95 ≤ 500 ms' : undefined,
        spreadSeconds && !everyoneScansTwice ? pct(latencies, 95) <= 500 : undefined,
      ),
      row('SQL statements per scan (begin / commit aside)', (statements.count() / outcomes.length).toFixed(1)),
      row('set-up (accounts, logins, session)', `${(setupMs / 1000).toFixed(1)} s`),
      ...(everyoneScansTwice
        ? [
            // Issue 10 item 4: the full hall — none refused, none lost or doubled, p99 within target.
            row(
              'latency p99',
              `${pct(latencies, 99).toFixed(0)} ms`,
              driver === 'pg' ? '≤ 1000 ms' : '≤ 2000 ms',
              pct(latencies, 99) <= (driver === 'pg' ? 1000 : 2000),
            ),
          ]
        : []),
    ];
  } finally {
    await server.close();
  }
}

async function runTrainingSignIn(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const driver of driversOf()) {
    rows.push(...(await runCase(driver, SPREAD_SECONDS)));
    rows.push(...(await runCase(driver, 0)));
  }
  return rows;
}

/** Issue 10 item 4: 200 teachers each scanning twice within 5 s. */
async function runTrainingHall(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const driver of driversOf()) rows.push(...(await runCase(driver, 5, true)));
  return rows;
}

export const trainingSignInBenchmark: BenchModule = { name: 'training-signin', run: runTrainingSignIn };
export const trainingHallBenchmark: BenchModule = { name: 'training-hall', run: runTrainingHall };
