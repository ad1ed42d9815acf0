#!/usr/bin/env node
// npm test: type check, lint, then every test suite; ends with "N passed, N failed".
// Suites: unit + service + API on PGlite; web component tests in happy-dom (issue 16);
// service + API again on PostgreSQL
// (TEST_DATABASE_URL); browser journeys in headless Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, '.test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(name, cmd, args) {
  console.log(`\n=== ${name} ===`);
  const ok = run(cmd, args) === 0;
  ok ? passed++ : failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}

function suite(name, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const file = join(out, `${name.replace(/\W+/g, '-')}.json`);
  const code = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (!existsSync(file)) {
    failed++;
    lines.push(`FAIL ${name}: the runner produced no results (exit ${code})`);
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // A file that failed to load has no test results but is a failure all the same.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  const p = r.numPassedTests ?? 0;
  const f = (r.numFailedTests ?? 0) + brokenFiles + (code !== 0 && !r.numFailedTests && !brokenFiles ? 1 : 0);
  const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  passed += p;
  failed += f;
  skipped += s;
  lines.push(`${f ? 'FAIL' : 'ok  '} ${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  // Each failure named in the summary, so the tail of a long CI log says what failed and why.
  for (const file of r.testResults ?? []) {
    const where = file.name?.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) lines.push(`     ✗ ${where}: ${firstLine(file.message)}`);
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      lines.push(`     ✗ ${where} > ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
      for (const l of details(t.failureMessages?.[0], where)) lines.push(`         ${l}`);
    }
  }
}

/** A failure's lines, without colour codes, trimmed, none empty. */
function messageLines(message) {
  return (
    String(message ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal's colour codes
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
  );
}

/** The first meaningful line of a failure, at most 300 characters. */
function firstLine(message) {
  return (messageLines(message)[0] ?? '(no message)').slice(0, 300);
}

/**
 * Where and why, in at most three more lines: the line of the test file that failed, and for a browser
 * action that timed out, what it waited for and the last thing the browser said (not visible, covered by
 * another element, not stable), which the first line alone never tells.
 */
function details(message, file) {
  const all = messageLines(message);
  const out = [];
  const at = all.find((l) => l.startsWith('at ') && l.includes(file ?? '\u0000'));
  if (at) out.push(`at ${at.slice(at.lastIndexOf(file))}`.replace(/\)$/, ''));
  const log = all.indexOf('Call log:');
  if (log >= 0) {
    const calls = all.slice(log + 1).filter((l) => l.startsWith('-') || /^\d+ ×/.test(l));
    const waitedFor = calls.find((l) => l.includes('waiting for locator') || l.includes('waiting for get'));
    const said = calls.filter((l) => !/retrying|waiting \d+ms|waiting for element to be/.test(l)).at(-1);
    for (const l of [waitedFor, said]) if (l && !out.includes(l)) out.push(l.slice(0, 300));
  }
  return out;
}

check('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint and format (biome check: rules, module boundaries, formatting)', 'npx', ['biome', 'check', '.']);
suite('unit, service and API tests on PGlite', []);
suite('web component tests', ['--config', 'vitest.web.config.ts']);

if (process.env.TEST_DATABASE_URL) {
  suite('service and API tests on PostgreSQL', ['--config', 'vitest.pg.config.ts'], { ZHIDU_TEST_DRIVER: 'pg' });
} else if (process.env.CI) {
  failed++;
  lines.push('FAIL PostgreSQL suite: TEST_DATABASE_URL is not set in CI');
} else {
  lines.push('NOT RUN PostgreSQL suite: set TEST_DATABASE_URL=postgres://… to run it (.ci/run does)');
}

if (existsSync(join(root, 'vitest.e2e.config.ts'))) {
  if (process.env.ZHIDU_SKIP_E2E === '1' && !process.env.CI) {
    lines.push('NOT RUN browser journeys: ZHIDU_SKIP_E2E=1');
  } else {
    suite('browser journeys (headless Chromium)', ['--config', 'vitest.e2e.config.ts']);
  }
}

console.log('\n=== summary ===');
for (const l of lines) console.log(l);
// The last line is the summary CI reads, alone: "N passed, N failed".
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
