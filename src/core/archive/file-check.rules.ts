import { AppError } from '../errors';

type Signature = 'pdf' | 'png' | 'jpg' | 'gif' | 'webp' | 'zip' | 'ole' | 'text';

/** The allowlist: an extension, its MIME type, and the bytes its content must start with. */
export const ALLOWED_FILE_TYPES: Record<string, { mime: string; signature: Signature }> = {
  pdf: { mime: 'application/pdf', signature: 'pdf' },
  png: { mime: 'image/png', signature: 'png' },
  jpg: { mime: 'image/jpeg', signature: 'jpg' },
  jpeg: { mime: 'image/jpeg', signature: 'jpg' },
  gif: { mime: 'image/gif', signature: 'gif' },
  webp: { mime: 'image/webp', signature: 'webp' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signature: 'zip' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signature: 'zip' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', signature: 'zip' },
  doc: { mime: 'application/msword', signature: 'ole' },
  xls: { mime: 'application/vnd.ms-excel', signature: 'ole' },
  txt: { mime: 'text/plain; charset=utf-8', signature: 'text' },
  csv: { mime: 'text/csv; charset=utf-8', signature: 'text' },
  md: { mime: 'text/markdown; charset=utf-8', signature: 'text' },
};

const startsWith = (head: Buffer, bytes: number[], at = 0): boolean => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

// Text may be UTF-8 or GBK (Excel's Chinese CSV), but never holds NUL or most control bytes.
function isText(head: Buffer): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control <= head.length / 100;
}

export function matchesSignature(signature: Signature, head: Buffer): boolean {
  switch (signature) {
    case 'pdf':
      return startsWith(head, ascii('%PDF-'));
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'gif':
      return startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'));
    case 'webp':
      return startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8);
    case 'zip':
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
    case 'ole':
      return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'text':
      return isText(head);
  }
}

export const extensionOf = (fileName: string): string => {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
};

/** A user's file name as it may be shown and offered back: no folders, no control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(-200) || 'file';
}

export interface UploadFacts {
  fileName: string;
  /** The first bytes of the content (4 KB is plenty). */
  head: Buffer;
  sizeBytes: number;
  /** The upload hit a limit and was cut off. */
  isTruncated: boolean;
}

/** Type and size checked: the extension must be allowed AND the content must really be that type. */
export function checkUpload(f: UploadFacts, maxBytes: number, locale: 'zh-CN' | 'en' = 'en'): { extension: string; mime: string } {
  const rejected = (zh: string, en: string): AppError =>
    new AppError('FILE_REJECTED', `文件被拒绝：${zh}`, `File rejected: ${en}`, [{ field: 'file', reason: locale === 'en' ? en : zh }]);
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  if (f.isTruncated || f.sizeBytes > maxBytes) throw rejected(`文件超过 ${mb} MB 上限`, `larger than the ${mb} MB limit`);
  if (f.sizeBytes === 0) throw rejected('文件为空', 'the file is empty');
  const extension = extensionOf(f.fileName);
  const type = ALLOWED_FILE_TYPES[extension];
  const allowed = Object.keys(ALLOWED_FILE_TYPES).join(', ');
  if (!type)
    throw rejected(`不允许的文件类型（.${extension || '无扩展名'}），允许：${allowed}`, `type .${extension || '(none)'} is not allowed; allowed: ${allowed}`);
  if (!matchesSignature(type.signature, f.head)) {
    throw rejected(`文件内容与扩展名 .${extension} 不符`, `the content is not a real .${extension} file`);
  }
  return { extension, mime: type.mime };
}
