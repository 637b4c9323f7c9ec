import type { RawResponse, RestClient } from '../engine/rest-client';
import { COLLECTION, K } from './context';

/** Throws on any answer but a 2xx, so a refused request never passes for a fast one. */
export function expectOk(response: RawResponse): void {
  if (response.status < 200 || response.status > 299)
    throw new Error(`answered ${response.status}: ${response.text.slice(0, 300)}`);
}

/** One text search through the gateway's REST API, as a user sends it: the text is embedded there. */
export async function gatewayTextSearch(
  gateway: RestClient,
  text: string,
  mode: 'dense' | 'hybrid',
): Promise<void> {
  expectOk(
    await gateway.send(
      'POST',
      '/api/v1/vectors/search',
      JSON.stringify({ collection: COLLECTION, text, top_k: K, mode }),
    ),
  );
}

/** The engine's own query for a vector computed beforehand, serialised once outside the timing. */
export function directQueryBody(vector: Float32Array): string {
  return JSON.stringify({ query: Array.from(vector), limit: K, with_payload: true });
}

/** The baseline: the same top-k straight from the engine, nothing around it. */
export async function directQuery(engine: RestClient, body: string): Promise<void> {
  expectOk(await engine.send('POST', `/collections/${COLLECTION}/points/query`, body));
}
