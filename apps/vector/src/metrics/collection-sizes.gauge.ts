import { Injectable, type OnModuleInit } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import { Gauge } from 'prom-client';
import { registeredMetric } from '@aip/platform';

/** Most collections one scrape reports: a scrape asks the store about each. */
export const MAX_COLLECTIONS_SCRAPED = 100;
/** A scrape never waits on the store longer than this; sizes are then left out. */
const SCRAPE_TIMEOUT_MS = 1000;

/**
 * Points per collection, read from the store when Prometheus scrapes `/metrics` rather than
 * tracked on every write, so the figure is right whichever replica wrote. Outside the circuit
 * breaker on purpose: a scrape must not count towards opening it.
 */
@Injectable()
export class CollectionSizesGauge implements OnModuleInit {
  constructor(private readonly qdrant: QdrantClient) {}

  onModuleInit(): void {
    const qdrant = this.qdrant;
    registeredMetric(
      'aip_vector_collection_points',
      () =>
        new Gauge({
          name: 'aip_vector_collection_points',
          help: 'Points per collection, read from the vector store at scrape time',
          labelNames: ['collection'],
          async collect() {
            this.reset();
            const sizes = await Promise.race([
              readSizes(qdrant),
              new Promise<undefined>((resolve) => {
                setTimeout(() => resolve(undefined), SCRAPE_TIMEOUT_MS).unref();
              }),
            ]).catch(() => undefined);
            for (const [collection, points] of sizes ?? []) this.set({ collection }, points);
          },
        }),
    );
  }
}

async function readSizes(qdrant: QdrantClient): Promise<[string, number][]> {
  const { collections } = await qdrant.getCollections();
  return Promise.all(
    collections.slice(0, MAX_COLLECTIONS_SCRAPED).map(async ({ name }) => {
      const info = await qdrant.getCollection(name);
      return [name, info.points_count ?? 0] as [string, number];
    }),
  );
}
