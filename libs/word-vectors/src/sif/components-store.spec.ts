import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrComputeComponents } from './components-store';
import type { CommonComponents } from './sentence-encoder';

const components: CommonComponents = {
  vectors: Float64Array.from([0.6, 0.8, 0, 0, 0, 1]),
  weights: Float64Array.from([0.7, 0.3]),
};

describe('loadOrComputeComponents', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'components-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('computes once, then reads what it stored', async () => {
    const file = join(dir, 'c.json');
    const compute = jest.fn(async () => components);
    expect(await loadOrComputeComponents(file, 'k1', compute)).toEqual(components);
    expect(await loadOrComputeComponents(file, 'k1', compute)).toEqual(components);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('recomputes when the key changed or the file is damaged', async () => {
    const file = join(dir, 'c.json');
    const compute = jest.fn(async () => components);
    await loadOrComputeComponents(file, 'k1', compute);
    await loadOrComputeComponents(file, 'k2', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(JSON.parse(readFileSync(file, 'utf8')).key).toBe('k2');
    writeFileSync(file, '{"key": "k2", "vect');
    expect(await loadOrComputeComponents(file, 'k2', compute)).toEqual(components);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
