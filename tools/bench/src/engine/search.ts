import type { Dataset } from '../data/datasets';
import { row } from '../data/vector-math';
import type { QueryRun } from '../measure/query-run';
import { summarise } from '../measure/stats';
import { collectionPath } from './collections';
import { RestError, type RestClient } from './rest-client';

/** Qdrant's `params` of a search request (SearchParams). */
export interface SearchParams {
  hnsw_ef?: number;
  exact?: boolean;
  quantization?: { ignore?: boolean; rescore?: boolean; oversampling?: number };
}

/** Queries sent before each timed pass (and counted in CPU figures taken around a pass). */
export const WARMUP_QUERIES = 50;

/** The universal query API's body for one held-out query. */
export function queryBody(
  dataset: Dataset,
  query: number,
  k: number,
  params?: SearchParams,
): string {
  return JSON.stringify({
    query: Array.from(row(dataset.queries, dataset.dim, query)),
    limit: k,
    params,
  });
}

/** One search; resolves with the returned ids, best first. */
export async function searchOnce(
  client: RestClient,
  collection: string,
  body: string,
): Promise<number[]> {
  const path = `${collectionPath(collection)}/points/query`;
  const response = await client.send('POST', path, body);
  if (response.status !== 200) throw new RestError('POST', path, response.status, response.text);
  const parsed = JSON.parse(response.text) as { result: { points: { id: number }[] } };
  return parsed.result.points.map((point) => point.id);
}

/**
 * Runs the queries one after another from a single client through the universal query API
 * (`POST /collections/{name}/points/query`, what Qdrant 1.18 clients call). Bodies are encoded
 * before timing starts; each latency is request sent to response parsed.
 */
export async function restQueries(
  client: RestClient,
  collection: string,
  dataset: Dataset,
  queryIndices: readonly number[],
  k: number,
  params?: SearchParams,
): Promise<QueryRun> {
  const bodies = queryIndices.map((q) => queryBody(dataset, q, k, params));
  // Warm-up: JIT and connection set-up on both sides are not part of the figures.
  for (const body of bodies.slice(0, WARMUP_QUERIES)) await searchOnce(client, collection, body);
  const ids: number[][] = [];
  const latencies: number[] = [];
  const started = performance.now();
  for (const body of bodies) {
    const sent = performance.now();
    ids.push(await searchOnce(client, collection, body));
    latencies.push(performance.now() - sent);
  }
  return {
    ids,
    latenciesMs: latencies,
    summary: summarise(latencies, performance.now() - started),
  };
}
