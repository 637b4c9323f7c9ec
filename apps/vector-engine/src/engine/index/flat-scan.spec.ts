import { FlatScan } from './flat-scan';

const unit = (...values: number[]): Float32Array => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
};

describe('FlatScan (native exact scan of the vectors outside the graph)', () => {
  it('finds the nearest vectors, following changes noted since the last search', () => {
    const vectors = new Map<number, Float32Array>([
      [1, unit(1, 0)],
      [2, unit(0.9, 0.1)],
      [3, unit(0, 1)],
    ]);
    const scan = new FlatScan('ip', 2);
    for (const label of vectors.keys()) scan.note(label);
    const lookup = (label: number): Float32Array | undefined => vectors.get(label);
    scan.sync(lookup);
    expect(scan.search(unit(1, 0), 2)).toEqual(expect.arrayContaining([1, 2]));

    vectors.delete(1); // deleted
    vectors.set(3, unit(1, 0.01)); // moved next to the query
    scan.note(1);
    scan.note(3);
    scan.sync(lookup);
    expect(scan.count).toBe(2);
    expect(new Set(scan.search(unit(1, 0), 5))).toEqual(new Set([2, 3]));
    expect(scan.search(unit(1, 0), 1)).toEqual([3]);
  });

  it('grows past its first capacity without losing members', () => {
    const vectors = new Map<number, Float32Array>();
    for (let label = 1; label <= 3000; label++)
      vectors.set(label, unit(Math.cos(label), Math.sin(label)));
    const scan = new FlatScan('l2', 2);
    for (const label of vectors.keys()) scan.note(label);
    scan.sync((label) => vectors.get(label));
    expect(scan.count).toBe(3000);
    expect(scan.search(vectors.get(1234)!, 1)).toEqual([1234]);
  });
});
