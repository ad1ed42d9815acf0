import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { discardFile, receiveFile } from './file-store';

describe('file store (CORE-9)', () => {
  it('CORE-9 writes the upload under a temporary name with its size and SHA-256', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zhidu-store-'));
    const got = await receiveFile(Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7 abc')]), dir, 1024);
    const sha256 = createHash('sha256').update('%PDF-1.7 abc').digest('hex');
    expect(got).toMatchObject({ sizeBytes: 12, isTruncated: false, sha256 });
    expect(readFileSync(got.tempPath, 'utf8')).toBe('%PDF-1.7 abc');
    expect(got.head.toString()).toBe('%PDF-1.7 abc');
    expect(got.tempPath.startsWith(join(dir, '.upload-'))).toBe(true);
  });

  it('CORE-9 stops writing past the limit but reads to the end, and reports the file as too big', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zhidu-store-'));
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(100, 0x61));
    const stream = Readable.from(chunks);
    const got = await receiveFile(stream, dir, 250);
    expect(got).toMatchObject({ sizeBytes: 1000, isTruncated: true });
    expect(stream.readableEnded).toBe(true);
    await discardFile(got.tempPath);
    expect(existsSync(got.tempPath)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
