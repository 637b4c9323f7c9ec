import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWordVectors, WORD_VECTORS_FILE } from './ensure-word-vectors';

const WINK_JSON = JSON.stringify({
  dimensions: 2,
  words: ['the', 'guitar'],
  vectors: { the: [1, 0, 1, 0], guitar: [0, 2, 2, 1] },
});

describe('ensureWordVectors', () => {
  let dir: string;
  let jsonFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ensure-'));
    jsonFile = join(dir, 'wink.json');
    writeFileSync(jsonFile, WINK_JSON);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('converts once into the cache folder, then loads the cache', async () => {
    const cacheDir = join(dir, 'cache');
    const log = jest.fn();
    const first = await ensureWordVectors(cacheDir, { source: { id: 'w@1', jsonFile }, log });
    expect(first.indexOf('guitar')).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('converting'));
    const cacheFile = join(cacheDir, WORD_VECTORS_FILE);
    const written = statSync(cacheFile).mtimeMs;

    // The same folder and source in this process: the loaded table is shared.
    expect(await ensureWordVectors(`${cacheDir}/`, { source: { id: 'w@1', jsonFile } })).toBe(
      first,
    );

    // Another file of the same version: read from the cache, the JSON is not even opened.
    const again = await ensureWordVectors(cacheDir, {
      source: { id: 'w@1', jsonFile: join(dir, 'missing.json') },
    });
    expect(again).not.toBe(first);
    expect(again.indexOf('guitar')).toBe(1);
    expect(statSync(cacheFile).mtimeMs).toBe(written);
  });

  it('converts again when the source version changed', async () => {
    const cacheDir = join(dir, 'cache');
    await ensureWordVectors(cacheDir, { source: { id: 'w@1', jsonFile } });
    const log = jest.fn();
    const upgraded = await ensureWordVectors(cacheDir, { source: { id: 'w@2', jsonFile }, log });
    expect(upgraded.source).toBe('w@2');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('was converted from w@1'));
  });

  it('fails when the source cannot be read, and may be retried', async () => {
    const cacheDir = join(dir, 'empty');
    const missing = { id: 'w@1', jsonFile: join(dir, 'nope.json') };
    await expect(ensureWordVectors(cacheDir, { source: missing })).rejects.toThrow(/ENOENT/);
    const loaded = await ensureWordVectors(cacheDir, { source: { id: 'w@1', jsonFile } });
    expect(loaded.count).toBe(2);
  });
});
