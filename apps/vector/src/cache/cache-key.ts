/**
 * JSON with object keys sorted at every level, so two payloads that differ only in key order
 * (or in undefined fields, which JSON drops anyway) are the same query.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : item,
  );
}

/** The collection a handler's payload is about: `collection`, or `name` for collection routes. */
export function collectionOf(payload: unknown): string | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const { collection, name } = payload as { collection?: unknown; name?: unknown };
  if (typeof collection === 'string') return collection;
  return typeof name === 'string' ? name : undefined;
}

/** `vector.points.search-batch.v1` → `search-batch`: the operation, for metrics and analytics. */
export function operationOf(subject: string): string {
  const parts = subject.split('.');
  return parts.length >= 2 ? parts[parts.length - 2] : subject;
}
