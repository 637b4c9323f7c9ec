import { Counter } from 'prom-client';
import { registeredMetric } from '@aip/platform';

/** Points written per collection: the dashboards' inserts per second. */
export const pointsUpserted = registeredMetric(
  'aip_vector_points_upserted_total',
  () =>
    new Counter({
      name: 'aip_vector_points_upserted_total',
      help: 'Points written (inserted or replaced), by collection',
      labelNames: ['collection'],
    }),
);
