import type { QdrantClientParams } from '@qdrant/js-client-rest';
import type { VectorConfig } from '../config/vector.config';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * QDRANT_API_KEY travels in Qdrant's `api-key` header. Over plain http to loopback (the local
 * vector-engine) it goes as a plain header: the client's `apiKey` warns on every start that the
 * key crosses the network unencrypted, which is only true beyond this machine.
 */
export function qdrantClientOptions(config: VectorConfig): QdrantClientParams {
  const key = config.QDRANT_API_KEY;
  if (key === undefined) return { url: config.QDRANT_URL };
  const { protocol, hostname } = new URL(config.QDRANT_URL);
  const loopback = LOOPBACK_HOSTS.has(hostname) || hostname.startsWith('127.');
  return protocol === 'http:' && loopback
    ? { url: config.QDRANT_URL, headers: { 'api-key': key } }
    : { url: config.QDRANT_URL, apiKey: key };
}
