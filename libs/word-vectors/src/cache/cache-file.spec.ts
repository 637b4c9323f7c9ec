import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wordVectorsFrom } from '../word-vectors';
import { CacheFormatError, readCacheFile, sourceChecksum, writeCacheFile } from './cache-file';

const sample = () =>
  wordVectorsFrom(
    [
      ['the', [1, 2, 3]],
      ['naïve', [-0.5, 0.25, 0]],
      ['"', [0, 0, 0]],
    ],
    'pkg@1.0.0',
  );

describe('cache file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'word-vectors-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips words, vectors and the source stamp, leaving no temporary file', async () => {
    const file = join(dir, 'sub', 'v.bin');
    const written = sample();
    await writeCacheFile(file, written);
    const { vectors, sourceChecksum: checksum } = await readCacheFile(file);
    expect(vectors.source).toBe('pkg@1.0.0');
    expect(checksum).toBe(sourceChecksum('pkg@1.0.0'));
    expect([vectors.count, vectors.dim]).toEqual([3, 3]);
    expect(['the', 'naïve', '"', 'naive'].map((word) => vectors.indexOf(word))).toEqual([
      0,
      1,
      2,
      undefined,
    ]);
    expect(vectors.word(1)).toBe('naïve');
    for (const key of ['values', 'scales', 'norms'] as const) {
      expect(Array.from(vectors.matrix[key])).toEqual(Array.from(written.matrix[key]));
    }
    expect(readdirSync(join(dir, 'sub'))).toEqual(['v.bin']);
  });

  it('rejects foreign, truncated and corrupt files as cache misses', async () => {
    const file = join(dir, 'v.bin');
    await writeCacheFile(file, sample());
    const good = readFileSync(file);

    writeFileSync(file, 'not a cache at all, but long enough to have a header of 64 bytes....');
    await expect(readCacheFile(file)).rejects.toThrow(CacheFormatError);

    writeFileSync(file, good.subarray(0, good.length - 1));
    await expect(readCacheFile(file)).rejects.toThrow(/truncated/);

    const flipped = Buffer.from(good);
    flipped[flipped.length - 2] ^= 1;
    writeFileSync(file, flipped);
    await expect(readCacheFile(file)).rejects.toThrow(/checksum/);

    const newer = Buffer.from(good);
    newer.writeUInt32LE(99, 8);
    writeFileSync(file, newer);
    await expect(readCacheFile(file)).rejects.toThrow(/format 99/);
  });
});
