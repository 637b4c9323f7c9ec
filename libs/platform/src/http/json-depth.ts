/**
 * Deepest nesting of arrays and objects a JSON body may have. No request of the platform needs
 * more than a handful of levels (point filters stop at 8); without a bound, a body nested a few
 * thousand levels deep overflows the stack of the recursive copies and checks that follow
 * parsing (class-transformer, class-validator).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests arrays and objects more than `limit` levels deep (`{}` and
 * `[]` are one level, a primitive none). It walks with its own stack instead of recursing, so
 * the check itself cannot overflow on the bodies it is there to refuse, and it stops at the first
 * container past the limit.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const containers: object[] = [];
  const depths: number[] = [];
  if (typeof value === 'object' && value !== null) {
    containers.push(value);
    depths.push(1);
  }
  while (containers.length > 0) {
    const container = containers.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const child of Object.values(container)) {
      if (typeof child === 'object' && child !== null) {
        containers.push(child as object);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}
