import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { isMrpInputShape, indexMrpInput, PlanningInputError, runMrpIndexed } from '#production/planning/mrp';
import { type MrpPrinter, type Piece, printMrpJson, startMrpPrinter } from './mrp-output.parallel';

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

/**
 * Where the plan's text goes, piece by piece: standard output, or the output file, written
 * beside it first and renamed into place when complete (a failure never leaves half a file, and
 * an earlier output stays as it was).
 */
function openOutput(path: string | undefined, io: PlanCommandIo): { write: (piece: Piece) => void; finish: () => void; abandon: () => void } {
  if (!path)
    return {
      write: (piece) => io.stdout(typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8')),
      finish: () => undefined,
      abandon: () => undefined,
    };
  const partial = `${path}.partial-${process.pid}`;
  const refused = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return new UsageError(`无法写入输出文件 cannot write ${path} (${code})`);
  };
  let fd: number | undefined;
  try {
    fd = openSync(partial, 'w');
  } catch (error) {
    throw refused(error);
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    write: (piece) => {
      try {
        // writeSync may write less than asked: the rest follows until all of it is out.
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd!, bytes, done);
      } catch (error) {
        throw refused(error);
      }
    },
    finish: () => {
      try {
        close();
        renameSync(partial, path);
      } catch (error) {
        throw refused(error);
      }
    },
    abandon: () => {
      close();
      rmSync(partial, { force: true });
    },
  };
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

type PlanWriter = (write: (piece: Piece) => void) => Promise<void>;

/**
 * Computes the plan (a refused input throws here, before any output is opened) and answers how
 * to write its JSON text piece by piece. MRP loads only its kernels (the schemas, and zod with
 * them, only to name the field of a refused input) and prints straight from its typed rows, half
 * of them on a second thread for a large plant (issue 11: a 20k plant's 51 MB).
 */
async function computePlan(kind: PlanKind, raw: unknown, io: PlanCommandIo, printer?: MrpPrinter): Promise<PlanWriter> {
  if (kind === 'mrp') {
    const plant = isMrpInputShape(raw) ? indexMrpInput(raw) : (await import('#production/planning')).parseMrpPlant(raw);
    const result = runMrpIndexed(plant);
    return (write) => printMrpJson(plant, result, write, printer);
  }
  const planning = await import('#production/planning');
  let text: string;
  if (kind === 'capacity') text = formatJson(planning.computeCapacityLoad(planning.parseCapacityInput(raw)));
  else {
    const plan = await planning.solveAggregatePlan(planning.parseAggregateInput(raw));
    if (plan.infeasibility) io.stderr(`plan aggregate: ${plan.infeasibility.messageEn} / ${plan.infeasibility.message}\n`);
    if (plan.error) io.stderr(`plan aggregate: ${plan.error.messageEn} / ${plan.error.message}\n`);
    text = formatJson(plan);
  }
  return async (write) => write(text);
}

/** A second thread pays off for large plants only: judged by the input file's size, before it is read. */
const PARALLEL_MIN_INPUT_BYTES = 1_000_000;
function printerFor(args: PlanArgs): MrpPrinter | undefined {
  if (args.kind !== 'mrp') return undefined;
  try {
    return statSync(args.input).size >= PARALLEL_MIN_INPUT_BYTES ? startMrpPrinter() : undefined;
  } catch {
    return undefined; // reading the input names the problem
  }
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
  const printer = printerFor(args);
  let output: ReturnType<typeof openOutput> | undefined;
  try {
    const writePlanTo = await computePlan(args.kind, readJson(args.input), io, printer);
    output = openOutput(args.output, io);
    await writePlanTo(output.write);
    output.write('\n');
    output.finish();
    output = undefined;
    if (args.output) io.stdout(`已写入 wrote ${args.output}\n`);
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
  } finally {
    output?.abandon();
    await printer?.close();
  }
}
