import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type CaseFigures = Record<string, number | string | boolean>;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('./case.entry.ts', import.meta.url));

/**
 * Runs one benchmark case in a fresh Node process so its memory figures are
 * its own and no JIT state leaks between cases. `--expose-gc` lets the case
 * collect the generator's garbage before measuring.
 */
export function runCaseInChild(name: string, params: Record<string, number | string>): Promise<CaseFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', entry, name, JSON.stringify(params)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`bench case ${name} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      resolve(JSON.parse(last) as CaseFigures);
    });
  });
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}
