/** Fraction of queries whose returned ids are the same, in the same order, in both runs. */
export function sameIds(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): number {
  let same = 0;
  a.forEach((ids, i) => {
    const other = b[i] ?? [];
    if (ids.length === other.length && ids.every((id, j) => id === other[j])) same++;
  });
  return a.length === 0 ? 0 : same / a.length;
}
