import { readFileSync, writeFileSync } from 'node:fs';
import {
  type AggregatePlanResult,
  writeMrpJson,
  computeCapacityLoad,
  PlanningInputError,
  parseAggregateInput,
  parseCapacityInput,
  parseMrpPlant,
  runMrpIndexed,
  solveAggregatePlan,
} from '#production/planning';

export interface PlanCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `用法 usage: zhidu plan <mrp|aggregate|capacity> --input in.json [--output out.json]
  mrp        物料需求计划 material requirements (gross-to-net, low-level codes)
  aggregate  综合生产计划 aggregate plan (LP/MIP with HiGHS)
  capacity   车间负荷 capacity load per workshop and period
JSON goes to stdout unless --output is given. Exit codes: 0 ok, 2 bad input, 1 internal error.
See docs/planning.md for the input and output formats.`;

const KINDS = ['mrp', 'aggregate', 'capacity'] as const;
type PlanKind = (typeof KINDS)[number];

interface PlanArgs {
  kind: PlanKind;
  input: string;
  output?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): PlanArgs | 'help' {
  let kind: string | undefined;
  let input: string | undefined;
  let output: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--help' || arg === '-h' || arg === 'help') return 'help';
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--input' || flag === '--output') {
      const value = inline ?? argv[++k];
      if (value === undefined || value === '') throw new UsageError(`${flag} 需要文件路径 needs a file path`);
      if (flag === '--input') input = value;
      else output = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`未知选项 unknown option "${arg}"`);
    } else if (kind === undefined) {
      kind = arg;
    } else {
      throw new UsageError(`多余的参数 unexpected argument "${arg}"`);
    }
  }
  if (kind === undefined) throw new UsageError('缺少计划类型 missing plan kind (mrp, aggregate or capacity)');
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`未知计划类型 unknown plan kind "${kind}" (mrp, aggregate or capacity)`);
  }
  if (input === undefined) throw new UsageError('缺少 missing --input in.json');
  return { kind: kind as PlanKind, input, output };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`无法读取输入文件 cannot read ${path} (${code})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`输入不是有效的 JSON ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`无法写入输出文件 cannot write ${path} (${code})`);
  }
}

// Arrays of numbers on one line: a 52-period row stays one line, not 52.
export function formatJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return JSON.stringify(value);
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    // Small flat records ({ item, hours }) read better on one line.
    if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
      const flat = JSON.stringify(Object.fromEntries(entries));
      if (flat.length <= 100) return flat;
    }
    const inner = `${indent}  `;
    const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The plan as JSON text. MRP writes straight from its typed rows (issue 11: a 20k plant's 50 MB). */
async function computePlan(kind: PlanKind, raw: unknown, io: PlanCommandIo): Promise<string> {
  if (kind === 'mrp') {
    const plant = parseMrpPlant(raw);
    return writeMrpJson(plant, runMrpIndexed(plant));
  }
  if (kind === 'capacity') return formatJson(computeCapacityLoad(parseCapacityInput(raw)));
  const plan: AggregatePlanResult = await solveAggregatePlan(parseAggregateInput(raw));
  if (plan.infeasibility) io.stderr(`plan aggregate: ${plan.infeasibility.messageEn} / ${plan.infeasibility.message}\n`);
  if (plan.error) io.stderr(`plan aggregate: ${plan.error.messageEn} / ${plan.error.message}\n`);
  return formatJson(plan);
}

/** `zhidu plan …`; argv starts after `plan`. Never throws; returns the exit code. */
export async function runPlanCommand(argv: string[], io: PlanCommandIo): Promise<number> {
  let args: PlanArgs | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr(`plan: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const label = `plan ${args.kind}`;
  try {
    const text = `${await computePlan(args.kind, readJson(args.input), io)}\n`;
    if (args.output) {
      writeOutput(args.output, text);
      io.stdout(`已写入 wrote ${args.output}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  } catch (error) {
    if (error instanceof PlanningInputError) {
      io.stderr(`${label}: ${error.field}: ${error.messageEn} / ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`${label}: ${error.message}\n`);
      return 2;
    }
    // Unexpected: one line, no stack trace; exit 1 separates it from bad input.
    io.stderr(`${label}: 内部错误 internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
