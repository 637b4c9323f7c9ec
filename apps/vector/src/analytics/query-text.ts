import type { QueryLogMode } from '@aip/contracts';
import { sha256 } from '../cache/cache-key';

/** Stored query texts are cut to this length (the count is still of the whole text). */
export const MAX_LOGGED_QUERY_CHARS = 200;
/** Hex digits of SHA-256 kept in hashed mode: enough to tell queries apart, not to read them. */
export const QUERY_HASH_HEX_CHARS = 16;

function asTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The query texts of a read's payload: `text`, `query` or `texts`, and the `text` of each of a
 * batch's `queries`. Searches by vector have none.
 */
export function queryTexts(payload: unknown): string[] {
  if (payload === null || typeof payload !== 'object') return [];
  const { text, query, texts, queries } = payload as Record<string, unknown>;
  const nested = Array.isArray(queries)
    ? queries.flatMap((item) =>
        item !== null && typeof item === 'object' ? asTexts((item as { text?: unknown }).text) : [],
      )
    : [];
  return [...asTexts(text), ...asTexts(query), ...asTexts(texts), ...nested];
}

/** Case and spacing do not make a different query. */
export function normaliseQuery(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** What the frequent-query list keeps of a query in the given mode (undefined: nothing). */
export function loggedQuery(text: string, mode: QueryLogMode): string | undefined {
  const normalised = normaliseQuery(text);
  if (mode === 'off' || normalised === '') return undefined;
  if (mode === 'stored') return normalised.slice(0, MAX_LOGGED_QUERY_CHARS);
  return `sha256:${sha256(normalised).slice(0, QUERY_HASH_HEX_CHARS)}`;
}
