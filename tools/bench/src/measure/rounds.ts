/**
 * The order in which to run `count` settings in a given round (1-based): odd rounds go up the
 * list, even rounds down, so no setting always runs first on a machine that drifts.
 */
export function roundOrder(count: number, round: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  return round % 2 === 0 ? order.reverse() : order;
}
