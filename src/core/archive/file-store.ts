import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const HEAD_BYTES = 4096;

export interface ReceivedFile {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
  head: Buffer;
  /** More arrived than maxBytes, or the upload limit cut the stream short. */
  isTruncated: boolean;
}

/**
 * Writes an upload to a temporary name in dir, hashing as it goes. Past maxBytes it stops
 * writing but keeps reading, so the request still ends cleanly; the caller then rejects it.
 */
export async function receiveFile(stream: Readable & { truncated?: boolean }, dir: string, maxBytes: number): Promise<ReceivedFile> {
  await mkdir(dir, { recursive: true });
  const tempPath = join(dir, `.upload-${randomUUID()}`);
  const handle = await open(tempPath, 'wx');
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let sizeBytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) continue;
      if (headLength < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      hash.update(chunk);
      await handle.write(chunk);
    }
  } catch (err) {
    await handle.close();
    await rm(tempPath, { force: true });
    throw err;
  }
  await handle.close();
  return { tempPath, sizeBytes, sha256: hash.digest('hex'), head: Buffer.concat(head), isTruncated: sizeBytes > maxBytes || !!stream.truncated };
}

export const discardFile = (path: string): Promise<void> => rm(path, { force: true });

export const moveFile = (from: string, to: string): Promise<void> => rename(from, to);
