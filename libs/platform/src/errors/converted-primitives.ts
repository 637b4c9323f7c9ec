/** The JSON kind of a value, as a message names it. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function withArticle(kind: string): string {
  return kind === 'object' || kind === 'array' ? `an ${kind}` : `a ${kind}`;
}

function isPrimitive(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export interface ConvertedPrimitive {
  field: string;
  problem: string;
}

/**
 * The fields whose value class-transformer turned from one primitive kind into another while it
 * built `transformed` from `plain` (a `@Type(() => Number)` makes `true` 1 and `"12"` 12), each
 * with what the class wanted and what came. Keys the transform dropped are not compared; nested
 * values are walked with an explicit stack.
 */
export function findConvertedPrimitives(
  plain: unknown,
  transformed: unknown,
): ConvertedPrimitive[] {
  const found: ConvertedPrimitive[] = [];
  const pending: { plain: unknown; transformed: unknown; field: string }[] = [
    { plain, transformed, field: '' },
  ];
  while (pending.length > 0) {
    const next = pending.pop()!;
    const given = kindOf(next.plain);
    const kept = kindOf(next.transformed);
    if (next.transformed === undefined) continue;
    if (given !== kept && (isPrimitive(next.plain) || isPrimitive(next.transformed))) {
      found.push({
        field: next.field,
        problem: `${next.field} must be ${withArticle(kept)}, not ${withArticle(given)}`,
      });
      continue;
    }
    if (given !== 'object' && given !== 'array') continue;
    const source = next.plain as Record<string | number, unknown>;
    const target = next.transformed as Record<string | number, unknown>;
    // Arrays by index: Object.keys would make a string of every index of every vector.
    const keys = Array.isArray(source) ? undefined : Object.keys(source);
    const count = keys ? keys.length : (source as unknown as unknown[]).length;
    for (let i = 0; i < count; i++) {
      const key = keys ? keys[i]! : i;
      const plainChild = source[key];
      const transformedChild = target[key];
      // The common case, a value kept as it came (every number of a vector): nothing to walk, and
      // no field name built for it.
      if (plainChild === transformedChild && isPrimitive(plainChild)) continue;
      pending.push({
        plain: plainChild,
        transformed: transformedChild,
        field: next.field === '' ? String(key) : `${next.field}.${key}`,
      });
    }
  }
  return found;
}
