// Where each file goes inside an archive zip export (CORE-9, issue 14 item 13): one folder per
// category, names safe on Windows, macOS and Linux, and never two entries with the same path.
import { AppError } from '../errors';
import { ARCHIVE_CATEGORIES } from './archive.config';

export type ZipLocale = 'zh-CN' | 'en';

const MAX_NAME_CHARS = 120;
// Names Windows refuses whatever the extension (CON, CON.txt, com1.pdf…).
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A name split into stem and extension (".pdf"); a leading dot is not an extension. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return { stem: name, ext: '' };
  const ext = name.slice(dot);
  // "2026.春季 计划" has no extension: an extension is short and has no spaces.
  if (ext.length > 11 || /\s/.test(ext)) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext };
}

/**
 * One path segment that every common unzip tool accepts: no folders, no control characters,
 * none of <>:"/\|?*, no trailing dots or spaces, no reserved device names, at most 120 characters
 * (the extension kept), and never empty.
 */
export function zipSafeName(raw: string, fallback = 'file'): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (!clean || /^\.+$/.test(clean)) return fallback;
  let { stem, ext } = splitExtension(clean);
  if (RESERVED.test(stem)) stem = `_${stem}`;
  const chars = [...stem];
  const room = MAX_NAME_CHARS - [...ext].length;
  if (chars.length > room) stem = chars.slice(0, room).join('').trimEnd();
  return `${stem}${ext}`;
}

/**
 * name, or "name (2).ext", "name (3).ext"… — the first whose "folder/name" is not yet in taken
 * (compared without case, as Windows and macOS do). The chosen path is added to taken.
 */
export function uniqueName(name: string, taken: Set<string>, folder = ''): string {
  const key = (n: string) => `${folder}/${n}`.toLowerCase();
  let candidate = name;
  if (taken.has(key(candidate))) {
    const { stem, ext } = splitExtension(name);
    for (let n = 2; taken.has(key(candidate)); n++) candidate = `${stem} (${n})${ext}`;
  }
  taken.add(key(candidate));
  return candidate;
}

/** The folder of a category: its label in the request's language; an unknown value as itself. */
export function categoryFolder(category: string, locale: ZipLocale): string {
  const c = ARCHIVE_CATEGORIES.find((x) => x.value === category);
  return zipSafeName(c ? (locale === 'en' ? c.en : c.zh) : category, locale === 'en' ? 'Other' : '其他');
}

/** The index workbook at the root of the zip. */
export const zipIndexName = (locale: ZipLocale): string => (locale === 'en' ? 'Archive index.xlsx' : '档案目录.xlsx');

/**
 * The path of every file inside the zip, in the order given: "<category label>/<safe name>",
 * unique within the zip. Files are always in a folder, so none can collide with the index.
 */
export function planZipPaths(files: readonly { category: string; fileName: string }[], locale: ZipLocale): string[] {
  const taken = new Set<string>();
  return files.map((f) => {
    const folder = categoryFolder(f.category, locale);
    return `${folder}/${uniqueName(zipSafeName(f.fileName), taken, folder)}`;
  });
}

export interface ZipLimits {
  maxFiles: number;
  maxBytes: number;
}

/** "2 GB", "1.5 GB", "300 MB", "12 KB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : Number(value.toFixed(1))} ${units[unit]}`;
}

/** Refuses a selection larger than one zip may carry, telling the user to narrow the filter. */
export function assertZipSelection(selection: { files: number; bytes: number }, limits: ZipLimits): void {
  if (selection.files <= limits.maxFiles && selection.bytes <= limits.maxBytes) return;
  const limit = `${limits.maxFiles} 个文件或 ${formatBytes(limits.maxBytes)}`;
  const limitEn = `${limits.maxFiles} files or ${formatBytes(limits.maxBytes)}`;
  const many = selection.files > limits.maxFiles ? `超过 ${limits.maxFiles} 个文件` : `共 ${formatBytes(selection.bytes)}`;
  const manyEn = selection.files > limits.maxFiles ? `more than ${limits.maxFiles} files` : `${formatBytes(selection.bytes)} in all`;
  throw new AppError(
    'SELECTION_TOO_LARGE',
    `所选档案${many}，超过一次导出的上限（${limit}）。请按类别、人员或日期缩小范围后再导出`,
    `The selection holds ${manyEn}, more than one export may carry (${limitEn}). Narrow it by category, person or dates and export again`,
    [{ field: 'filter', reason: `at most ${limitEn}` }],
  );
}
