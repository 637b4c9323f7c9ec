import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWinkVectors, readWordVectors } from './wink-vectors';

/** A tiny file in the package's format: [dims..., l2 norm, rank] per word. */
const WINK_JSON = {
  precision: 8,
  l2NormIndex: 3,
  wordIndex: 4,
  size: 3,
  dimensions: 3,
  words: ['the', 'café', 'x-ray'],
  vectors: {
    the: [1, 0, 0, 1, 0],
    café: [0, 0.5, -0.25, 0.559, 1],
    'x-ray': [3, 4, 0, 5, 2],
  },
  unkVector: [0, 0, 0, 0, -1],
};

describe('loadWinkVectors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wink-vectors-'));
    writeFileSync(join(dir, 'wink.json'), JSON.stringify(WINK_JSON));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('converts the JSON once and then reads the same vectors from the binary cache', () => {
    const options = { cacheFile: join(dir, 'cache.bin'), sourceFile: join(dir, 'wink.json') };
    const converted: string[] = [];
    const first = loadWinkVectors({ ...options, onConvert: (file) => converted.push(file) });
    const second = loadWinkVectors({ ...options, onConvert: (file) => converted.push(file) });

    expect(converted).toEqual([options.sourceFile]);
    expect(first.words).toEqual(['the', 'café', 'x-ray']);
    expect(first.dim).toBe(3);
    expect(Array.from(first.vectors)).toEqual([1, 0, 0, 0, 0.5, -0.25, 3, 4, 0]);
    expect(second).toEqual(first);
  });

  it('rebuilds a cache that is not one, instead of failing', () => {
    const cacheFile = join(dir, 'cache.bin');
    writeFileSync(cacheFile, 'not a cache');
    const vectors = loadWinkVectors({ cacheFile, sourceFile: join(dir, 'wink.json') });

    expect(vectors.words).toHaveLength(3);
    expect(readWordVectors(cacheFile)).toEqual(vectors);
  });

  it('refuses a truncated cache file', () => {
    const cacheFile = join(dir, 'cache.bin');
    loadWinkVectors({ cacheFile, sourceFile: join(dir, 'wink.json') });
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 4));

    expect(() => readWordVectors(cacheFile)).toThrow(/truncated/);
  });
});
