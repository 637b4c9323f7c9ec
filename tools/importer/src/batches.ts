/** Splits items into batches of at most maxItems items and maxWeight total weight (one item may exceed it alone). */
export function* batches<T>(
  items: T[],
  maxItems: number,
  maxWeight: number,
  weight: (item: T) => number,
): Generator<T[]> {
  let batch: T[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (batch.length > 0 && (batch.length >= maxItems || total + w > maxWeight)) {
      yield batch;
      batch = [];
      total = 0;
    }
    batch.push(item);
    total += w;
  }
  if (batch.length > 0) yield batch;
}
