import { createHmac } from 'node:crypto';
import type { QueryLogMode } from '@aip/contracts';

/** Stored query texts are cut to this length (the count is still of the whole text). */
export const MAX_LOGGED_QUERY_CHARS = 200;
/** Hex digits of the HMAC kept in hashed mode: enough to tell queries apart, not to read them. */
export const QUERY_HASH_HEX_CHARS = 16;

/** How queries are logged; hashing needs the server's key (VECTOR_QUERY_HASH_SECRET). */
export type QueryLog = { mode: Exclude<QueryLogMode, 'hashed'> } | { mode: 'hashed'; key: string };

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

/**
 * What the frequent-query list keeps of a query (undefined: nothing). Hashes are keyed: a plain
 * hash of a short query is found again by hashing guesses (a dictionary), an HMAC only with
 * the key.
 */
export function loggedQuery(text: string, log: QueryLog): string | undefined {
  const normalised = normaliseQuery(text);
  if (normalised === '') return undefined;
  if (log.mode !== 'hashed')
    return log.mode === 'stored' ? normalised.slice(0, MAX_LOGGED_QUERY_CHARS) : undefined;
  const hmac = createHmac('sha256', log.key).update(normalised).digest('hex');
  return `hmac:${hmac.slice(0, QUERY_HASH_HEX_CHARS)}`;
}
