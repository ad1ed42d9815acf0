import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexMrpInput, runMrpIndexed, writeMrpJson } from '#production/planning/mrp';
import type { MrpInput } from '#production/planning';
import { runPlanCommand } from './plan.command.js';

const fixtures = fileURLToPath(new URL('../production/planning/fixtures/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'zhidu-plan-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runPlanCommand(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}

function inputFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('zhidu plan', () => {
  it('PP-14 plan mrp prints the plan as JSON on stdout', async () => {
    const { code, stdout, stderr } = await run('mrp', '--input', join(fixtures, 'mrp-textbook.json'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.items.D.plannedReleases).toEqual([420, 0, 375, 0, 0, 0, 0, 0]);
    expect(out.pastDue).toHaveLength(2);
  });

  it('PP-14 plan mrp --output writes the file', async () => {
    const output = join(dir, 'out.json');
    const { code } = await run('mrp', `--input=${join(fixtures, 'mrp-textbook.json')}`, '--output', output);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8')).items.A.lowLevelCode).toBe(0);
  });

  it('PP-7 plan aggregate solves the Red Tomato example', async () => {
    const { code, stdout } = await run('aggregate', '--input', join(fixtures, 'aggregate-red-tomato.json'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).totalCost).toBeCloseTo(422_275, 4);
  });

  it('PP-7 plan aggregate reports an infeasible plan with its binding limit', async () => {
    const raw = JSON.parse(readFileSync(join(fixtures, 'aggregate-red-tomato.json'), 'utf8'));
    raw.params.limits = { maxInventory: 100 };
    const { code, stdout, stderr } = await run('aggregate', '--input', inputFile('infeasible.json', raw));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).status).toBe('infeasible');
    expect(stderr).toContain('limits.maxInventory');
  });

  it('PP-9 plan capacity prints load per workshop and period', async () => {
    const { code, stdout } = await run('capacity', '--input', join(fixtures, 'capacity-example.json'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).workshops[1].overPeriods).toEqual([2]);
  });

  it.each([
    [{ periods: 3, items: [{ id: 'A' }], bom: [{ parent: 'A', child: 'Z', qty: 1 }] }, 'bom[0].child: unknown item "Z"'],
    [
      {
        periods: 3,
        items: [{ id: 'A' }, { id: 'B' }],
        bom: [
          { parent: 'A', child: 'B', qty: 1 },
          { parent: 'B', child: 'A', qty: 1 },
        ],
      },
      'bom: cycle A → B → A',
    ],
    [{ periods: 3, items: [{ id: 'A' }], demand: [{ item: 'A', period: 0, qty: -2 }] }, 'demand[0].qty: must be ≥ 0'],
    [{ periods: 52, items: [{ id: 'A', leadTime: 60 }] }, 'items[0].leadTime: 60 is beyond the horizon of 52 periods'],
  ])('PP-14 bad MRP input exits 2 naming the field (%#)', async (input, message) => {
    const { code, stdout, stderr } = await run('mrp', '--input', inputFile('bad.json', input));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('issue 11: a large plant is printed on two threads, byte for byte what one thread prints', async () => {
    // 3,000 items in chains of three, fractional norms and demand: over 1 MB of input.
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: i % 7 === 0 ? String(i) : `M-${i}`, leadTime: i % 3, onHand: (i % 11) / 4 }));
    const bom = items.flatMap((item, i) => (i % 3 === 2 ? [] : [{ parent: item.id, child: items[i + 1].id, qty: 1 + (i % 5) / 3 }]));
    const demand = items.flatMap((item, i) =>
      i % 3 === 0 ? Array.from({ length: 24 }, (_, t) => ({ item: item.id, period: t + 2, qty: ((i + t) % 13) * 1.25 })) : [],
    );
    const input: MrpInput = { periods: 30, items, bom, demand };
    const path = inputFile('large.json', input);
    expect(statSync(path).size).toBeGreaterThan(1_000_000);
    const output = join(dir, 'large-out.json');
    const { code, stderr } = await run('mrp', '--input', path, '--output', output);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plant = indexMrpInput(input);
    expect(readFileSync(output, 'utf8')).toBe(`${writeMrpJson(plant, runMrpIndexed(plant))}\n`);
  });

  it('issue 11: a refused input leaves an earlier output file as it was, and no partial file behind', async () => {
    const output = join(dir, 'kept-out.json');
    writeFileSync(output, '{"earlier": true}\n');
    const { code } = await run(
      'mrp',
      '--input',
      inputFile('refused.json', { periods: 3, items: [{ id: 'A' }], demand: [{ item: 'B', period: 0, qty: 1 }] }),
      '--output',
      output,
    );
    expect(code).toBe(2);
    expect(readFileSync(output, 'utf8')).toBe('{"earlier": true}\n');
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('PP-14 an unreadable or invalid JSON file exits 2 with a clear message', async () => {
    const missing = await run('mrp', '--input', join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).toContain('ENOENT');
    const broken = await run('mrp', '--input', inputFile('broken.json', '{ "periods": 3,'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('PP-14 usage errors exit 2 and --help exits 0', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('forecast', '--input', 'x.json')).stderr).toContain('unknown plan kind "forecast"');
    expect((await run('mrp')).stderr).toContain('missing --input');
    expect((await run('mrp', '--input', 'x.json', '--verbose')).stderr).toContain('unknown option "--verbose"');
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('zhidu plan');
  });
});
