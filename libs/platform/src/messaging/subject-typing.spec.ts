import { Controller } from '@nestjs/common';
import {
  NATS_SERVICES,
  serviceOf,
  ServiceName,
  Subject,
  type CollectionInfo,
  type EmbedChunk,
  type SearchResult,
} from '@aip/contracts';
import { CalleeClient } from './callee-client';
import { Handles } from './handles.decorator';
import type { ServiceClient } from './service-client';

class VectorOnly extends CalleeClient<ServiceName.Vector> {}

/**
 * Compile-time checks, enforced by `npm run typecheck` (which covers spec files): each
 * `@ts-expect-error` fails the type-check if the call below it ever compiles.
 */
async function callsThatMustNotCompile(client: ServiceClient, vector: VectorOnly): Promise<void> {
  const info: CollectionInfo = await client.request(Subject.VectorCollectionGet, { name: 'docs' });
  const chunks: EmbedChunk[] = await client.requestAll(Subject.EmbeddingEmbed, { texts: ['a'] });
  void [info, chunks];

  // @ts-expect-error a field the subject's payload class does not have
  await client.request(Subject.VectorCollectionGet, { collection: 'docs' });
  // @ts-expect-error a required payload field missing
  await client.request(Subject.VectorPointsUpsert, { collection: 'docs' });
  // @ts-expect-error the reply of collections.get is not a search result
  const wrong: SearchResult = await client.request(Subject.VectorCollectionGet, { name: 'docs' });
  // @ts-expect-error a streamed subject asked for one reply
  await client.request(Subject.EmbeddingEmbed, { texts: ['a'] });
  // @ts-expect-error a request/reply subject asked for a stream
  client.stream(Subject.VectorCollectionGet, { name: 'docs' });
  // @ts-expect-error the vector service does not answer embedding subjects
  await vector.request(Subject.EmbeddingModels, {});
  void wrong;
}

@Controller()
class HandlersThatMustNotCompile {
  // @ts-expect-error the handler's reply is not the subject's reply type
  @Handles(Subject.VectorCollectionGet)
  get(): { points: [] } {
    return { points: [] };
  }

  // @ts-expect-error the handler takes another subject's payload
  @Handles(Subject.VectorCollectionGet)
  search(request: { texts: string[] }): Promise<CollectionInfo> {
    return Promise.reject(new Error(String(request.texts)));
  }
}

describe('subject map', () => {
  it('routes every subject to the service its domain names', () => {
    const domainOf: Record<string, ServiceName> = {
      inference: ServiceName.Inference,
      embedding: ServiceName.Embedding,
      vector: ServiceName.Vector,
      sync: ServiceName.SyncWorker,
    };
    for (const subject of Object.values(Subject)) {
      const service = serviceOf(subject);
      expect({ subject, service }).toEqual({ subject, service: domainOf[subject.split('.')[0]] });
      expect(NATS_SERVICES).toContain(service);
    }
  });

  it('keeps the compile-time checks in the build', () => {
    expect(typeof callsThatMustNotCompile).toBe('function');
    expect(typeof HandlersThatMustNotCompile).toBe('function');
  });
});
