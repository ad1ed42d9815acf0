import type { Highs } from 'highs';

// Compiling the HiGHS WebAssembly module takes ~100 ms, so one runtime is shared
// per process. Each `solve` call still builds a fresh native solver, so solves
// do not leak state into each other. Loaded lazily: MRP users never pay for it.
let runtime: Promise<Highs> | undefined;

export function loadHighsRuntime(): Promise<Highs> {
  if (!runtime) {
    runtime = import('highs').then((module) => module.default());
    runtime.catch(() => {
      runtime = undefined;
    });
  }
  return runtime;
}

/** Drops the shared runtime, e.g. after the solver aborted and its memory may be corrupt. */
export function resetHighsRuntime(): void {
  runtime = undefined;
}
