// The part of archiver 5 the zip export uses (no @types/archiver in the project).
declare module 'archiver' {
  import type { Stats } from 'node:fs';
  import type { Readable, Transform } from 'node:stream';
  import type { ZlibOptions } from 'node:zlib';

  interface EntryData {
    /** The path inside the archive, "/" between folders. */
    name: string;
    date?: Date | string;
    mode?: number;
    stats?: Stats;
  }

  interface ArchiverOptions {
    zlib?: ZlibOptions;
    store?: boolean;
    statConcurrency?: number;
    forceZip64?: boolean;
    comment?: string;
  }

  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: EntryData): this;
    /** Stats and reads the file only when its turn comes (one open file at a time). */
    file(path: string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    /** Bytes written so far. */
    pointer(): number;
  }

  function archiver(format: 'zip' | 'tar', options?: ArchiverOptions): Archiver;
  export type { Archiver, ArchiverOptions, EntryData };
  export default archiver;
}
