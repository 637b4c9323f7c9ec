import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { WordIndex, slotCount } from '../word-index';
import { Int8WordVectors } from '../word-vectors';
import { writeFileAtomic } from './atomic-write';

// Layout, little-endian, every section 4-byte aligned so that loading makes typed-array views
// and builds nothing:
//    0  8 bytes  magic "AIPWVEC\0"
//    8  u32      format version
//   12  u32      word count n
//   16  u32      dimensions d
//   20  u32      byte length of the source id
//   24  u32      byte length of the words
//   28  u32      slot count s of the word hash table
//   32  u32      CRC-32 of everything after the header
//   36  32 bytes SHA-256 of the source id (what the cache was converted from)
//   68  ...      source id (UTF-8), padded
//       ...      words (UTF-8, back to back), padded
//       u32[n+1] word offsets
//       i32[s]   word hash table (rows, -1 free)
//       f32[n]   scale per row
//       f32[n]   original L2 norm per row
//       i8[n*d]  values, row-major
const MAGIC = Buffer.from('AIPWVEC\0', 'latin1');
export const CACHE_FORMAT_VERSION = 1;
const HEADER_BYTES = 68;

/** The file is not a usable cache (foreign, older format, truncated, corrupt): rebuild it. */
export class CacheFormatError extends Error {
  override readonly name = 'CacheFormatError';
}

export interface CacheContents {
  vectors: Int8WordVectors;
  /** SHA-256 (hex) of the source id, as stored in the header. */
  sourceChecksum: string;
}

export function sourceChecksum(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

const padding = (length: number): number => (4 - (length % 4)) % 4;

const bytesOf = (array: ArrayBufferView): Buffer =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength);

export async function writeCacheFile(file: string, vectors: Int8WordVectors): Promise<void> {
  const source = Buffer.from(vectors.source, 'utf8');
  const { bytes, offsets, slots } = vectors.index.data;
  const { values, scales, norms } = vectors.matrix;
  const body = [
    source,
    Buffer.alloc(padding(source.length)),
    bytesOf(bytes),
    Buffer.alloc(padding(bytes.length)),
    ...[offsets, slots, scales, norms, values].map(bytesOf),
  ];
  let checksum = 0;
  for (const part of body) checksum = crc32(part, checksum);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(CACHE_FORMAT_VERSION, 8);
  header.writeUInt32LE(vectors.count, 12);
  header.writeUInt32LE(vectors.dim, 16);
  header.writeUInt32LE(source.length, 20);
  header.writeUInt32LE(bytes.length, 24);
  header.writeUInt32LE(slots.length, 28);
  header.writeUInt32LE(checksum, 32);
  Buffer.from(sourceChecksum(vectors.source), 'hex').copy(header, 36);
  await writeFileAtomic(file, [header, ...body]);
}

/** Reads a cache written by writeCacheFile; CacheFormatError when it is not a usable one. */
export async function readCacheFile(file: string): Promise<CacheContents> {
  return parseCache(await readFile(file), file);
}

function alignedCopy(input: Buffer): Buffer {
  const copy = Buffer.alloc(input.length);
  input.copy(copy);
  return copy;
}

export function parseCache(input: Buffer, file: string): CacheContents {
  // The typed arrays below are views into the buffer, so its start must be 4-byte aligned
  // (Buffer.alloc is never pooled: the copy starts at offset 0).
  const buffer = input.byteOffset % 4 === 0 ? input : alignedCopy(input);
  if (buffer.length < HEADER_BYTES || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CacheFormatError(`${file} is not a word vector cache`);
  }
  const version = buffer.readUInt32LE(8);
  if (version !== CACHE_FORMAT_VERSION) {
    throw new CacheFormatError(`${file} has format ${version}, expected ${CACHE_FORMAT_VERSION}`);
  }
  const count = buffer.readUInt32LE(12);
  const dim = buffer.readUInt32LE(16);
  const sourceLength = buffer.readUInt32LE(20);
  const wordLength = buffer.readUInt32LE(24);
  const slots = buffer.readUInt32LE(28);
  const wordsAt = HEADER_BYTES + sourceLength + padding(sourceLength);
  const offsetsAt = wordsAt + wordLength + padding(wordLength);
  const slotsAt = offsetsAt + (count + 1) * 4;
  const scalesAt = slotsAt + slots * 4;
  const normsAt = scalesAt + count * 4;
  const valuesAt = normsAt + count * 4;
  if (buffer.length !== valuesAt + count * dim || slots !== slotCount(count)) {
    throw new CacheFormatError(`${file} is truncated or has trailing bytes`);
  }
  if (crc32(buffer.subarray(HEADER_BYTES)) !== buffer.readUInt32LE(32)) {
    throw new CacheFormatError(`${file} is corrupt (checksum mismatch)`);
  }
  const view = <T>(Type: new (b: ArrayBuffer, at: number, n: number) => T, at: number, n: number) =>
    new Type(buffer.buffer as ArrayBuffer, buffer.byteOffset + at, n);
  const index = new WordIndex({
    bytes: view(Uint8Array, wordsAt, wordLength),
    offsets: view(Uint32Array, offsetsAt, count + 1),
    slots: view(Int32Array, slotsAt, slots),
  });
  const matrix = {
    dim,
    values: view(Int8Array, valuesAt, count * dim),
    scales: view(Float32Array, scalesAt, count),
    norms: view(Float32Array, normsAt, count),
  };
  return {
    vectors: new Int8WordVectors(
      index,
      matrix,
      buffer.toString('utf8', HEADER_BYTES, HEADER_BYTES + sourceLength),
    ),
    sourceChecksum: buffer.toString('hex', 36, 68),
  };
}
