import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWinkJson } from './wink-json-reader';

describe('readWinkJson', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wink-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(json: string): string {
    const path = join(dir, 'w.json');
    writeFileSync(path, json);
    return path;
  }

  it('reads rows in rank order, whatever the order of "vectors", escapes and spaces', async () => {
    const rows = await readWinkJson(
      file(`{ "precision": 8, "dimensions": 2, "size": 3,
        "words": ["the", "\\"", "caf\\u00e9"],
        "vectors": {
          "caf\\u00e9": [ -1.5e-1, 2.0E+0, 2.0056, 2 ],
          "the": [0.5, -0.25, 0.559, 0],
          "\\"": [1, 0, 1, 1]
        },
        "unkVector": [0, 0, -1] }`),
    );
    expect(rows.words).toEqual(['the', '"', 'café']);
    expect(rows.dim).toBe(2);
    // Within half an int8 step (of the row's largest value / 127), give or take rounding.
    const error = (row: number, d: number, expected: number): number =>
      Math.abs(rows.values[row * 2 + d] * rows.scales[row] - expected) / rows.scales[row];
    expect(error(0, 0, 0.5)).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(error(0, 1, -0.25)).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(error(2, 0, -0.15)).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(error(2, 1, 2)).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(rows.norms[2]).toBeCloseTo(Math.hypot(0.15, 2), 5);
  });

  it('names the word and byte of a malformed file', async () => {
    const words = '"dimensions": 2, "words": ["the", "of"]';
    await expect(
      readWinkJson(file(`{${words}, "vectors": {"the": [1, 2, 3, 4, 0], "of": [1, 2, 0, 1]}}`)),
    ).rejects.toThrow(/"the" does not hold 2 values, a norm and a rank \(at byte \d+\)/);
    await expect(
      readWinkJson(file(`{${words}, "vectors": {"the": [1, 2, 3, 1], "of": [1, 2, 0, 0]}}`)),
    ).rejects.toThrow(/"the" has rank 1/);
    await expect(
      readWinkJson(file(`{${words}, "vectors": {"the": [1, 2, 3, 0]}}`)),
    ).rejects.toThrow(/no vector for "of"/);
    await expect(readWinkJson(file(`{${words}, "vectors": {"the": [1, x]}}`))).rejects.toThrow(
      /expected a number/,
    );
    await expect(readWinkJson(file(`{"vectors": {}}`))).rejects.toThrow(/before "vectors"/);
  });
});
