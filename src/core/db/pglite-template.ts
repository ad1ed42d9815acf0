import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { migrationsDir } from './migrate';

// A new embedded database is PGlite's initdb (3–6 s on two cores) and then every migration: the
// same bytes each time. They are made once, when `npm install` runs (`zhidu db template`) or at
// the first test run, into a tar of the migrated data directory; a new embedded database starts
// from it instead (well under a second). The file is keyed by the PGlite version and the text of
// every migration, so an upgrade or a new migration simply finds no template and starts the slow
// way until the next one is made. It lives with the other build caches (node_modules/.cache) and is
// never committed.

/** The installed PGlite's version (its package.json is not among its exports: found from its entry). */
function pgliteVersion(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (dirname(dir) !== dir) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite' && version) return version;
    }
    dir = dirname(dir);
  }
  throw new Error('PGlite not found');
}

/** Where the template of these migrations and this PGlite lives (whether or not it exists yet). */
export function pgliteTemplatePath(dir = migrationsDir): string {
  const hash = createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(`${file}\n`).update(readFileSync(join(dir, file)));
  }
  return join(dirname(dir), 'node_modules', '.cache', 'zhidu', `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** The template's bytes, or undefined when none was made for these migrations (the caller starts from initdb). */
export function readPgliteTemplate(dir = migrationsDir): Blob | undefined {
  try {
    const path = pgliteTemplatePath(dir);
    return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes the template when it is missing: `build` returns a migrated in-memory database's data
 * directory as a tar. Written to a temporary name and renamed, so a reader never sees half a file
 * and two processes making it at once both leave a whole one.
 */
export async function ensurePgliteTemplate(build: () => Promise<Blob>, dir = migrationsDir): Promise<{ path: string; made: boolean }> {
  const path = pgliteTemplatePath(dir);
  if (existsSync(path)) return { path, made: false };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, Buffer.from(await (await build()).arrayBuffer()));
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { path, made: true };
}
